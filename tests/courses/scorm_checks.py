"""Checks of a SCORM 1.2 package (no XSD files are available offline, so the SCORM 1.2 CAM's
requirements are checked one by one): what tests/courses/test_scorm_export.py asserts."""

import io
import json
import re
import zipfile
from xml.etree import ElementTree

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS = {"cp": IMSCP, "adlcp": ADLCP}
XS_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
ADDRESS = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)")
ABSOLUTE = re.compile(r"https?:|//|^/|^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def open_package(content):
    return zipfile.ZipFile(io.BytesIO(content))


def manifest_of(archive):
    return ElementTree.fromstring(archive.read("imsmanifest.xml"))


def check_manifest(archive):
    """Assert what SCORM 1.2 CAM requires of imsmanifest.xml; returns the SCO resources'
    (item title, href, masteryscore or None) in the organization's order."""
    names = set(archive.namelist())
    assert "imsmanifest.xml" in names
    root = manifest_of(archive)
    assert root.tag == f"{{{IMSCP}}}manifest"
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    identifiers = [element.get("identifier") for element in root.iter() if element.get("identifier")]
    assert len(identifiers) == len(set(identifiers)), identifiers
    assert all(XS_ID.match(value) for value in identifiers), identifiers
    organizations = root.find("cp:organizations", NS)
    organization = organizations.findall("cp:organization", NS)
    assert len(organization) == 1
    assert organizations.get("default") == organization[0].get("identifier")
    assert organization[0].findtext("cp:title", namespaces=NS)
    resources = {
        resource.get("identifier"): resource for resource in root.iterfind("cp:resources/cp:resource", NS)
    }
    listed = set()
    for resource in resources.values():
        assert resource.get("type") == "webcontent"
        assert resource.get(f"{{{ADLCP}}}scormtype") in ("sco", "asset")
        for file in resource.iterfind("cp:file", NS):
            assert file.get("href") in names, file.get("href")
            listed.add(file.get("href"))
        for dependency in resource.iterfind("cp:dependency", NS):
            assert dependency.get("identifierref") in resources
    # Every file of the package is in the manifest (an LMS may copy only those).
    assert names - {"imsmanifest.xml"} == listed
    scos = []
    for item in organization[0].iterfind("cp:item", NS):
        resource = resources[item.get("identifierref")]
        assert resource.get(f"{{{ADLCP}}}scormtype") == "sco"
        assert resource.get("href") in names
        assert resource.find(f"cp:file[@href='{resource.get('href')}']", NS) is not None
        # adlcp elements follow the title, as the adlcp schema orders them.
        assert item[0].tag == f"{{{IMSCP}}}title"
        mastery = item.findtext("adlcp:masteryscore", namespaces=NS)
        scos.append((item.findtext("cp:title", namespaces=NS), resource.get("href"), mastery))
    assert scos, "no SCO"
    return scos


def external_addresses(archive):
    """Every address in a page, style sheet or script of the package that is not a path
    inside it (e-mail and in-page links aside), and every http(s) URL written anywhere in
    them, by file."""
    found = {}
    for name in archive.namelist():
        if not name.endswith((".html", ".css", ".js")):
            continue
        text = archive.read(name).decode("utf-8")
        bad = re.findall(r"https?://[^\s\"'<>)]+", text)
        for address in [*ADDRESS.findall(text), *CSS_URL.findall(text)]:
            if address.startswith(("mailto:", "#")):
                continue
            if ABSOLUTE.search(address):
                bad.append(address)
            else:
                # Relative: it must lead to a file of the package.
                target = re.sub(r"[?#].*$", "", address)
                resolved = _resolve(name, target)
                if target and resolved not in archive.namelist():
                    bad.append(f"{address} (no such file)")
        if bad:
            found[name] = bad
    return found


def _resolve(page, target):
    parts = page.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def quiz_key(html):
    match = re.search(r'<script id="scorm-quiz-key" type="application/json">(.*?)</script>', html, re.DOTALL)
    return json.loads(match.group(1)) if match else None
