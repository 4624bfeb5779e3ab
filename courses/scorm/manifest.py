"""imsmanifest.xml as the SCORM 1.2 Content Aggregation Model has it: one organization (the
course), one item per module, each pointing at its SCO resource, which lists its files and
depends on the shared assets."""

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

ElementTree.register_namespace("", IMSCP)
ElementTree.register_namespace("adlcp", ADLCP)
ElementTree.register_namespace("xsi", XSI)

_NOT_ID = re.compile(r"[^A-Za-z0-9_.-]+")


def identifier(*parts):
    """An xs:ID: letters, digits, ``_.-``, starting with a letter."""
    return "-".join(_NOT_ID.sub("_", str(part)) for part in parts if str(part))


@dataclass
class Sco:
    title: str
    href: str
    files: list = field(default_factory=list)
    mastery_score: int | None = None


def _element(parent, tag, text=None, namespace=IMSCP, **attributes):
    element = ElementTree.SubElement(parent, f"{{{namespace}}}{tag}", attributes)
    if text is not None:
        element.text = str(text)
    return element


def build_manifest(code, language, title, scos, shared_files):
    """The manifest's bytes. ``scos``: ``Sco`` rows in the course's order."""
    manifest = ElementTree.Element(
        f"{{{IMSCP}}}manifest", {"identifier": identifier("MANIFEST", code, language), "version": "1.0"}
    )
    metadata = _element(manifest, "metadata")
    _element(metadata, "schema", "ADL SCORM")
    _element(metadata, "schemaversion", "1.2")
    organization_id = identifier("ORG", code)
    organizations = _element(manifest, "organizations", default=organization_id)
    organization = _element(organizations, "organization", identifier=organization_id)
    _element(organization, "title", title)
    resources = _element(manifest, "resources")
    shared_id = identifier("RES", "shared")
    for number, sco in enumerate(scos, start=1):
        resource_id = identifier("RES", f"{number:02d}")
        item = _element(
            organization,
            "item",
            identifier=identifier("ITEM", f"{number:02d}"),
            identifierref=resource_id,
            isvisible="true",
        )
        _element(item, "title", sco.title)
        if sco.mastery_score is not None:
            _element(item, "masteryscore", sco.mastery_score, namespace=ADLCP)
        resource = _element(resources, "resource", identifier=resource_id, type="webcontent", href=sco.href)
        resource.set(f"{{{ADLCP}}}scormtype", "sco")
        for path in [sco.href, *sorted(sco.files)]:
            _element(resource, "file", href=path)
        _element(resource, "dependency", identifierref=shared_id)
    shared = _element(resources, "resource", identifier=shared_id, type="webcontent")
    shared.set(f"{{{ADLCP}}}scormtype", "asset")
    for path in shared_files:
        _element(shared, "file", href=path)
    ElementTree.indent(manifest)
    return ElementTree.tostring(manifest, encoding="utf-8", xml_declaration=True)
