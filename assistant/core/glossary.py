"""Abbreviations of the youth-care dossier and their long forms, to match either way round."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "NvO": "Norm voor Opdrachtgeverschap",
    "GR": "gemeenschappelijke regeling",
    "LTA": "landelijk transitiearrangement",
    "OZJ": "Ondersteuningsteam Zorg voor de Jeugd",
    "BGZJ": "branches gespecialiseerde zorg voor jeugd",
    "ZvdJ": "Zorg voor de Jeugd",
    "GI": "gecertificeerde instelling",
    "GI's": "gecertificeerde instellingen",
    "AO": "algemeen overleg",
    "TK": "Tweede Kamer",
    "BO": "bestuurlijk overleg",
    "JZ+": "JeugdzorgPlus",
    "RvdK": "Raad voor de Kinderbescherming",
    "IGJ": "Inspectie Gezondheidszorg en Jeugd",
    "NZa": "Nederlandse Zorgautoriteit",
    "VNG": "Vereniging van Nederlandse Gemeenten",
    "JenV": "Justitie en Veiligheid",
    "VWS": "Volksgezondheid, Welzijn en Sport",
    "WGR": "Wet gemeenschappelijke regelingen",
    "Wgr": "Wet gemeenschappelijke regelingen",
    "AMvB": "algemene maatregel van bestuur",
    "pgb": "persoonsgebonden budget",
    "GGZ": "geestelijke gezondheidszorg",
    "JA": "Jeugdautoriteit",
    "VT": "Veilig Thuis",
    "JB": "jeugdbescherming",
    "BZK": "Binnenlandse Zaken",
    "OCW": "Onderwijs, Cultuur en Wetenschap",
    "OM": "Openbaar Ministerie",
    "ALV": "algemene ledenvergadering",
    "LVB": "licht verstandelijke beperking",
    "POH": "praktijkondersteuner",
    "CCE": "Centrum voor Consultatie en Expertise",
    "NJi": "Nederlands Jeugdinstituut",
    "VGN": "Vereniging Gehandicaptenzorg Nederland",
    "AWBZ": "Algemene Wet Bijzondere Ziektekosten",
}
_SHORT = {short: re.compile(rf"(?<![\w+]){re.escape(short)}(?![\w+])") for short in ABBREVIATIONS}
_LONG = {short: re.compile(re.escape(long), re.I) for short, long in ABBREVIATIONS.items()}


def expand(text: str) -> str:
    """The text followed by the long forms of its abbreviations and the abbreviations of its long forms."""
    extra = []
    for short, pattern in _SHORT.items():
        if pattern.search(text):
            extra.append(ABBREVIATIONS[short])
        if _LONG[short].search(text):
            extra.append(short)
    return f"{text} {' '.join(extra)}" if extra else text
