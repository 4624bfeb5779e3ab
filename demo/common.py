"""Text shared by the demo content modules."""

# Every demo quote is a composite testimony, and its consent note (shown to editors only) says so.
COMPOSITE_CONSENT = (
    "Composite testimony written for training from several interviews held with informed consent; "
    "no individual can be identified."
)
COMPOSITE_CONSENT_AR = (
    "شهادة مركّبة كُتبت لأغراض التدريب من عدة مقابلات أُجريت بموافقة مستنيرة؛ لا يمكن التعرّف على أي شخص."
)
