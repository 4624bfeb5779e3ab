"""Text shared by the demo content modules."""

# Every demo quote is a composite testimony, and its consent note (shown to editors only) says so.
COMPOSITE_CONSENT = (
    "Composite testimony written for training from several interviews held with informed consent; "
    "no individual can be identified."
)
COMPOSITE_CONSENT_AR = (
    "شهادة مركّبة كُتبت لأغراض التدريب من عدة مقابلات أُجريت بموافقة مستنيرة؛ لا يمكن التعرّف على أي شخص."
)
COMPOSITE_CONSENT_ES = (
    "Testimonio compuesto, escrito para la formación a partir de varias entrevistas realizadas con "
    "consentimiento informado; no permite identificar a ninguna persona."
)
COMPOSITE_CONSENT_FR = (
    "Témoignage composite, rédigé pour la formation à partir de plusieurs entretiens menés avec un "
    "consentement éclairé ; aucune personne ne peut être identifiée."
)
