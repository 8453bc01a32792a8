"""The one way to read XML from a file someone gave us: defusedxml, DTDs and entities refused.

A hostile XML file can expand a few kilobytes into gigabytes ("billion laughs"), or make the parser
read local files or URLs into the document (external entities, XXE). defusedxml refuses both; we
also refuse any DTD, which annotation formats (XMI, TypeSystem.xml) never need.

Use `parse_xml` to get an ElementTree element. A library that parses by itself (dkpro-cassis reads
XMI with lxml) gets the bytes only after `check_xml` passed them.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml import ElementTree as SafeElementTree

from annotator.core.errors import FormatError

__all__ = ["check_xml", "parse_xml"]


def parse_xml(path: str | Path, data: bytes) -> Element:
    """Parse XML bytes; FormatError (naming the file and line) when malformed or unsafe."""
    try:
        return SafeElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        raise FormatError(path, "refused: the XML declares a DTD (<!DOCTYPE …>), which imported files may not use") from None
    except EntitiesForbidden as exc:
        raise FormatError(path, f"refused: the XML declares the entity {exc.name!r}; entities are not accepted") from None
    except ExternalReferenceForbidden as exc:
        raise FormatError(path, f"refused: the XML refers to an outside resource ({exc.sysid or exc.pubid})") from None
    except DefusedXmlException as exc:
        raise FormatError(path, f"refused: unsafe XML ({exc})") from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise FormatError(path, f"not well-formed XML: {exc.msg if hasattr(exc, 'msg') else exc}", line=line) from None
    except (LookupError, ValueError) as exc:  # expat on an unknown or multi-byte declared encoding
        raise FormatError(path, f"not acceptable XML: {exc}", line=1) from None
    except RecursionError:
        raise FormatError(path, "not acceptable XML: nested too deeply") from None


def check_xml(path: str | Path, data: bytes) -> None:
    """Raise FormatError unless the bytes are well-formed XML without DTD or entities."""
    parse_xml(path, data)
