"""The answerability features, the fitted model, the near-miss generator and answer-first composing."""

import datetime as dt

import numpy as np
import pytest

from assistant.answer.answerability import AnswerabilityModel, load_model
from assistant.answer.evidence import (
    FEATURES,
    Evidence,
    anchors,
    anchors_missing,
    asked_noun,
    asks_outcome,
    asks_position,
    called_off,
    holds_focus,
    leaves_open,
    left_open,
    members_unseen,
    names_none,
    only_planned,
    open_candidates,
    open_sentence,
    outcome_left_open,
    outcome_unseen,
    place_names,
    question_focus,
    says_unknown,
    speaker_missing,
    speakers_asked,
    spoken_by,
    still_asked,
    window_support,
)
from assistant.answer.extractive import Sentence, compose
from assistant.answer.held import body_unheard, silent_on
from assistant.core.types import DocMeta, Passage
from eval.fit import best_threshold, fit_logistic, fit_model, split_of
from eval.nearmiss import near_misses, shift_date

META = DocMeta("d1", "verslag", "Verslag", "bundel.pdf", 3, 5, "BO Rijk-VNG", dt.date(2020, 1, 30))


def passage(text: str, chunk_id: str = "c1") -> Passage:
    return Passage(chunk_id, META, text, "Agendapunt 2", (3,))


def evidence(**values: float) -> Evidence:
    return Evidence(**{name: values.get(name, 0.0) for name in FEATURES})


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("Hoeveel plaatsen noemt de werkgroep?", "number"),
        ("Hoe hoog is het personeelsverloop bij de GI's?", "number"),
        ("Sinds wanneer geldt het verdrag?", "date"),
        ("Op welke datum was de heidag?", "date"),
        ("Wie werd aangeboden als contactpersoon?", "name"),
        ("Welke gemeente heeft het overgenomen?", "name"),
        ("Welke accountant keurde de afspraak af?", "name"),
        ("Via welk uitzendbureau kwam hij binnen?", "name"),
        ("Welke kinderrechter wilde een taakstraf opleggen?", "name"),
        ("Wat kostte de overeenkomst met Horizon?", "number"),
        ("Wat vond de VNG van de norm?", "none"),
        ("Welk indexatiepercentage spraken Rijk en VNG af?", "number"),
        ("Welk OVA-percentage gold voor 2020?", "number"),
        ("Welke experts ontwikkelden de visie?", "name"),
        ("Welke vijftien burgemeesters boden een manifest aan?", "name"),
        ("Welk onderzoek liet dat zien?", "name"),
        ("Met welke andere regio-indelingen moet het rekening houden?", "none"),
        ("Wanneer is er een overleg ingepland met het OZJ?", "date"),
        ("Wanneer is er voor een cliënt sprake van ongelijkheid?", "none"),  # in which case, not at what time
        ("Wanneer wordt een jongere in de versnellingsaanpak losgelaten?", "none"),
        ("Wanneer raken pleegouders volgens de brancheorganisatie overbelast?", "none"),
        ("Wanneer is volgens de ouders extra begeleiding nodig?", "none"),
        ("Wanneer is de handreiking voor de wijkteams gereed?", "date"),
        # a follow-up asks what its own question word asks; without one, what the question it follows asked
        ("En wat moet er met de samenwerking gebeuren? (vervolg op: Wie krijgt als eerste signalen?)", "none"),
        ("En in 2020? (vervolg op: Hoeveel gemeenten deden mee?)", "number"),
    ],
)
def test_question_focus_reads_what_is_asked_for(question, focus):
    assert question_focus(question) == focus


def test_a_sentence_holds_the_focus_only_with_something_the_question_does_not_give():
    follow_up = "En wat moet er met de samenwerking gebeuren? (vervolg op: Wie krijgt als eerste signalen?)"
    assert holds_focus("none", "De samenwerking moet steviger.", follow_up)  # not first in anything: no order asked
    question = "Hoeveel kinderen zijn in 2020 bij Horizon geplaatst?"
    assert holds_focus("number", "In 2020 zijn 14 kinderen geplaatst.", question)
    assert not holds_focus("number", "In 2020 is niet bekend hoeveel kinderen terugkomen.", question)
    assert holds_focus("date", "Het verdrag geldt sinds 8 maart 1995.", "Sinds wanneer?")
    assert not holds_focus("date", "Het verdrag geldt voor Nederland.", "Sinds wanneer?")
    until = "Tot wanneer worden de afspraken verlengd?"  # a time of year is a time too
    assert holds_focus("date", "De afspraken worden tot het einde van het jaar verlengd.", until)
    assert not holds_focus("date", "De afspraken worden net als in de Wlz verlengd.", until)
    who = "Wie is aangesteld als kwartiermaker?"
    assert holds_focus("name", "Als kwartiermaker is Jan Menting aangesteld.", who)
    assert not holds_focus("name", "er komt een opdrachtformulering voor de kwartiermaker.", who)
    asked = "Wie vroeg om verduidelijking van het opdrachtgeverschap?"  # a name after a title, accents and all
    assert holds_focus("name", "Mevr. Esmān vraagt om verduidelijking van het opdrachtgeverschap.", asked)
    assert not holds_focus("name", "Dhr. Esman: wij vragen om verduidelijking van het opdrachtgeverschap.", asked)
    plan = "Hoe heet het plan waarin de BGZJ haar huiswerk heeft neergelegd?"  # a numbered word names it
    assert holds_focus("name", "Ook door de BGZJ is huiswerk gemaakt, neergelegd in hun 9-stappenplan.", plan)
    assert not holds_focus("name", "Ook door de BGZJ is huiswerk gemaakt, neergelegd in hun plan.", plan)
    bureau = "Welk onderzoeksbureau kreeg de opdracht?"  # its name, not another kind of body
    assert not holds_focus("name", "Het onderzoek gaat over gemeenten en niet rechtstreeks over aanbieders.", bureau)
    assert holds_focus("name", "Het onderzoek wordt uitgevoerd door AEF.", bureau)
    named = "Wanneer verschijnt het voortgangsverslag van commissie De Winter?"  # a name, not a season
    assert not holds_focus("date", "Dekker heeft een voortgangsverslag van commissie De Winter toegezegd.", named)
    day = "Op welke dag was de bijeenkomst in Twente?"  # a day in figures: '(23/2)', but a third is no day
    assert holds_focus("date", "Bijeenkomsten in de regio's Brabant (16/2) en Twente (23/2).", day)
    assert not holds_focus("date", "In Twente deed 1/3 van de gemeenten mee.", day)
    assert holds_focus("date", "Het voortgangsverslag van commissie De Winter komt deze winter.", named)
    again = "Wanneer kunnen de partijen opnieuw reageren?"  # a time set by what happens then
    assert holds_focus("date", "Tijdens internetconsultatie kunnen alle partijen wederom reageren.", again)
    assert holds_focus("date", "Na het AO worden de conceptteksten voor reactie gedeeld.", again)
    assert not holds_focus("date", "Alle partijen kunnen wederom reageren op de conceptteksten.", again)
    count = "Hoeveel handtekeningen telde de petitie?"  # a day, a year or a numbered item is not a count
    assert not holds_focus("number", "U nam op maandag 10 februari de petitie in ontvangst (zie bijlage 2).", count)
    assert not holds_focus("number", "Afgesproken is (actielijn 1) dat er in 2019 een mentor komt.", count)
    assert holds_focus("number", "De petitie telde 10.000 handtekeningen.", count)
    talks = "Hoeveel gesprekken voerde VWS?"  # a day range, a numbered name and G40 count nothing; a 70-tal does
    assert not holds_focus("number", "Gesprekken, o.m. de 24-uursessie van 10- 11 februari.", talks)
    assert not holds_focus("number", "Gesprekken met de G40 en G4 op 22 en 23 maart.", talks)
    assert holds_focus("number", "Er waren een 70-tal gesprekken.", talks)
    assert not holds_focus("number", "VWS sluit een tweejarige overeenkomst.", "Wat kostte de overeenkomst?")
    listed = "10.2.e : Is Just een voorbeeld? 1) Zou dit een toevoeging zijn en 2) Kan er een pool komen?"
    assert not holds_focus("number", listed, count)  # a redaction code and the numbers of questions count nothing
    share = "Welk percentage van de aanbieders ging failliet?"  # a share, not any number
    assert holds_focus("number", "Het gaat om 40% van de aanbieders.", share)
    assert not holds_focus("number", "Binnen zes maanden moeten 12 aanbieders zich melden.", share)
    debts = "Hoeveel procent van de jongeren uit de jeugdzorg heeft hoge schulden?"  # a share in brackets is of
    aside = "Problemen zoals dak- en thuisloosheid (ca. 60% komt uit Jeugdzorg) en hoge schulden."  # the words before
    assert not holds_focus("number", aside, debts)
    assert holds_focus("number", aside, "Hoeveel procent van de dak- en thuislozen komt uit de jeugdzorg?")
    assert holds_focus("number", "Hoge schulden (bij 40% van hen) zijn een probleem.", debts)
    hyphened = "Welk OVA-percentage gold voor 2020?"
    assert not holds_focus("number", "De cao-afspraken vallen binnen de OVA-percentages voor 2019 en 2020.", hyphened)
    assert holds_focus("number", "Het OVA-percentage voor 2020 is 2,95%.", hyphened)
    homes = "Hoeveel gezinshuizen vallen onder de Wmo?"  # a count of something else is no count of what is asked
    assert not holds_focus("number", "Die laatste twee categorieën horen onder de Zvw of Wmo.", homes)
    assert holds_focus("number", "Zo'n 120 gezinshuizen vallen onder de Wmo.", homes)
    assert holds_focus("number", "In 8 landsdelen komt een centrum.", "In hoeveel delen van het land komt het?")
    regions = "Van hoeveel jeugdhulpregio's gaat het kabinet uit?"  # the head of the compound asked counts it
    assert holds_focus("number", "We gaan hierbij uit van de huidige 42 regio’s.", regions)
    assert not holds_focus("number", "We gaan hierbij uit van 42 gemeenten.", regions)
    assert holds_focus("number", "Er is € 1 miljard beschikbaar.", "Hoeveel extra geld is er?")  # an amount
    once = "Hoeveel eenmalig extra geld kwam er voor JeugdzorgPlus?"
    assert holds_focus("number", "In 2020 zijn extra incidentele middelen van € 33,5 mln. beschikbaar.", once)
    assert not holds_focus("number", "Twee regio's krijgen extra geld.", once)
    objected = "Hoeveel gemeenten maakten bezwaar tegen de compensatie van € 170 miljoen?"  # gemeenten, not money
    assert not holds_focus("number", "Er komt € 26 miljoen bij het door gemeenten ontvangen voorschot.", objected)
    assert holds_focus("number", "Er maakten 12 gemeenten bezwaar tegen de compensatie.", objected)
    incidental = "Hoeveel extra incidentele middelen kwamen er beschikbaar?"  # money, in other words
    assert holds_focus("number", "Er komen extra incidentele middelen van € 33,5 mln. beschikbaar.", incidental)
    often = "Hoe vaak presenteert het OZJ de regiobeelden?"
    assert holds_focus("number", "Een halfjaarlijkse presentatie van de regiobeelden door het OZJ.", often)
    assert holds_focus("name", "JenV neemt de lead op de tekst.", "Wie nam de lead?")  # an acronym opening it
    assert holds_focus("name", "10.2.e licht toe dat het wetsvoorstel drie delen kent.", "Door wie?")  # blacked out
    assert holds_focus("name", "Dan is dat niet het probleem van de aanbieder, maar van de regio.", "Bij wie ligt het?")
    raising = "Wie spelen een cruciale rol bij het opvoeden?"  # the people and bodies around a child
    assert holds_focus("name", "Ouders en school spelen een cruciale rol.", raising)
    assert not holds_focus("name", "Opvoeden is een maatschappelijke opdracht.", raising)
    assert not holds_focus("name", "Dan betaalt de gemeente.", "Welke gemeente betaalt?")  # the body asked about
    region = "Welke regio haalde de doelstelling?"  # a place answers it, not an organisation or a blacked-out name
    assert not holds_focus("name", "Toezegging van BGZJ en VNG; 10.2.e licht toe.", region)
    assert holds_focus("name", "Twee regio's (Noord-Holland en Noord) gaan van start.", region)
    assert holds_focus("name", "Daarvoor kijken we naar de G40.", "Welke gemeenten doen mee?")
    assert not holds_focus("name", "Dan betaalt de gemeente.", "Wie zei dat gemeenten betalen?")  # in the plural
    foster = "Hoeveel kostte de verlenging de gemeenten per pleegkind?"  # an amount per unit, not the total
    assert not holds_focus("number", "Dit loopt op tot structureel € 11,4 miljoen in 2023.", foster)
    assert holds_focus("number", "Gemeenten betalen € 9.000 per pleegkind.", foster)
    assert holds_focus("number", "Een jaarlijkse bijdrage van € 2 mln.", "Hoeveel geld is er per jaar?")
    assert not holds_focus("number", "Er is € 20 mln beschikbaar.", "Hoeveel geld krijgt elk expertisecentrum?")
    assert holds_focus("number", "Per 1 maart zijn er 12 plannen.", "Hoeveel plannen waren er per 1 maart?")  # a day
    body = "Aan welke organisatie wilden zij input leveren?"  # the VNG is an organisation, if too common an anchor
    assert holds_focus("name", "Zij leveren input aan de VNG.", body)
    assert not holds_focus("name", "Zij leveren input aan de VNG.", "Wie wilde input leveren?")
    judge = "Welke kinderrechter wilde de taakstraf opleggen?"  # a person: a name in what is said, not the speaker
    assert not holds_focus(
        "name", "De kinderrechter wilde een taakstraf die de Raad van de Kinderbescherming niet had.", judge
    )
    assert not holds_focus("name", "Dhr. Popma: de kinderrechter wilde een taakstraf opleggen.", judge)
    assert not holds_focus("name", "10.2.e: de kinderrechter wilde een taakstraf.", judge)  # blacked out: not given
    assert holds_focus("name", "Kinderrechter Anna de Vries wilde een taakstraf opleggen.", judge)
    # two capitalised words are no first name and surname when one is an article or a noun, or half a compound
    accountant = "Welke accountant keurde de afspraak af?"
    assert not holds_focus("name", "Daarover wordt gepraat met Informatievoorziening Sociaal Domein.", accountant)
    assert not holds_focus("name", "De aanpak Noord-Holland De vijf regio's werken samen.", "Wie was het boegbeeld?")
    assert holds_focus("name", "Accountant Karel de Groot keurde de afspraak af.", accountant)
    assert holds_focus(
        "name", "U kunt Cathalijne Dortmans (wethouder gemeente Helmond) welkom heten.", "Welke wethouder?"
    )
    assert holds_focus("name", "Dhr. Eerenberg: wij vragen minister Dekker om steun.", "Wie was de minister?")
    assert not holds_focus("name", "De stuurgroep neemt de lead.", "Wie nam de lead?")  # a capital opening it
    assert says_unknown("Een Limburgse gemeente wordt gezocht.") and not says_unknown("Venlo neemt het over.")
    assert left_open("Wellicht Deventer?") and left_open("De regio beraadt zich nog.")
    assert left_open("Aangeven dat u uitziet naar de Regioscan, die u op 5 maart bespreekt.")  # not yet held
    assert asks_outcome("Hoe liep het hoger beroep af?") and asks_outcome("Wie werd projectleider?")
    assert not asks_outcome("Wat zei de VNG over het hoger beroep?")
    assert not asks_outcome("Met wie werd daarover gepraat?")  # who was talked to, not who was appointed
    assert not asks_outcome("Wie werd er bij Just ingezet om te escaleren?")  # a recorded act, not an appointment
    assert not left_open("Deventer doet mee.")
    assert left_open("Geen afspraak.") and left_open("De minister concludeert hier nu niet uit te komen.")
    assert left_open("Afspraak: zij bellen elkaar volgende week.") and left_open("De VNG zal het gesprek aangaan.")
    assert left_open("Tevens is afgesproken dat de VNG medio januari met een aanpak komt.")  # agreed, not yet done
    assert left_open("Het VAO wordt waarschijnlijk op 2 juli gepland.")  # only planned, and only probably


def test_a_duration_is_answered_by_a_time_limit_and_who_by_any_preposition():
    time = "Hoeveel tijd krijgt het onderzoeksbureau?"
    assert holds_focus("number", "Zij moeten voldoende tijd krijgen (tot 1 november)", time)
    assert holds_focus("number", "Het bureau krijgt drie maanden.", time)
    assert not holds_focus("number", "Op 9 december vindt het volgende BO plaats.", time)  # a day, not a limit
    waiting = "Hoe lang was de wachttijd in de regio?"
    assert not holds_focus("number", "Het OZJ steunt regio's bij de vijf veranderopgaven.", waiting)  # a count
    assert holds_focus("number", "Het leren van elkaars taal duurt enkele jaren.", waiting)
    assert holds_focus("number", "4) Bestuurlijke afspraken (totaal ±40min)", "Hoeveel tijd stond er voor?")
    assert question_focus("En tussen wie moest dat nog geregeld worden?") == "name"
    assert question_focus("Met wie sprak de minister?") == "name"
    speakers = "Welke sprekers traden op bij de summer school van de VNG?"  # people, by name
    assert question_focus(speakers) == "name"
    assert not holds_focus("name", "Daarnaast organiseert de VNG in de komende maanden een summer school.", speakers)


def test_an_outcome_left_open_still_answers_the_count_it_gives():
    counted = "Hoeveel gemeenten hadden de taak in juni daadwerkelijk op zich genomen?"
    partly = "Zeven coördinerende gemeenten gaan de taak op zich nemen, maar een 8e gemeente wordt nog gezocht."
    assert not leaves_open(counted, partly)
    assert leaves_open(counted, "Een Limburgse gemeente wordt nog gezocht.")
    assert leaves_open("Welke gemeente nam het uiteindelijk over?", partly)  # a name is asked, none is given


def test_the_figure_of_an_aim_does_not_count_what_came_of_it():
    asked = "Met hoeveel procent is de klinische capaciteit tot 2018 werkelijk gekrompen?"
    aim = "We willen de ambitie koppelen om de klinische capaciteit met 30% te laten krimpen, uiterlijk in 2018."
    assert asks_outcome(asked) and leaves_open(asked, aim)
    assert not leaves_open(asked, "De klinische capaciteit is tot 2018 met 12% gekrompen.")
    assert not leaves_open("Met hoeveel procent wilde de werkgroep de capaciteit laten krimpen?", aim)  # the aim asked
    vote = "Wat was de uitslag van de digitale stemming over de NvO?"  # so a day named is held only if recorded
    assert asks_outcome(vote) and leaves_open(vote, "De uitslag is nog niet bekend.")


def test_several_places_asked_for_are_not_answered_by_one_or_by_the_names_of_an_amendment():
    seven = "Welke zeven coördinerende gemeenten gaan de expertisecentra oprichten?"
    assert question_focus(seven) == "name"
    assert not holds_focus(
        "name", "Zeven gemeenten nemen de taak op zich; een 8e wordt gezocht nu Maastricht afhaakt.", seven
    )
    assert not holds_focus("name", "Met het amendement Klaver/Westerveld zijn middelen vrij gemaakt.", seven)
    assert holds_focus("name", "Utrecht, Zwolle en Groningen nemen de taak op zich.", seven)
    regions = "Welke jeugdhulpregio's zijn van samenstelling veranderd?"  # a compound of 'regio' asks places too
    assert question_focus(regions) == "name"
    assert not holds_focus("name", "Het is belangrijk dat een jeugdhulpregio stabiel is.", regions)
    assert holds_focus("name", "Twente en Achterhoek zijn samengegaan.", regions)
    three = "Bij welke drie jeugdhulpinstellingen werkte de verdachte?"  # their names, not what kind they are
    assert not holds_focus("name", "De verdachte heeft bij drie instellingen voor jeugdhulp gewerkt.", three)
    assert holds_focus("name", "De verdachte werkte bij Pluryn, Horizon en Levvel.", three)
    assert holds_focus("name", "Dat signaleren de wijkteams.", "Wie signaleert het?")  # 'wie': a body answers
    plans = "Welke regio's hadden hun plan van aanpak afgerond?"  # a heading ran into the sentence: 'Alle' no place
    assert not holds_focus("name", "De voortgang van de plannen van aanpak Alle 14 regio’s hebben een plan.", plans)
    assert holds_focus("name", "Helaas haakt Maastricht af.", "Welke gemeente haakte af?")
    assert question_focus("Langs welke weg konden gemeenten de indexatie omzeilen?") == "none"  # a verb between


def test_an_investigation_still_under_way_leaves_its_outcome_open():
    asked = "Wat was de uitkomst van het onderzoek naar valse VOG's?"
    assert leaves_open(asked, "Er loopt een groot onderzoek naar valse VOG's.")
    assert leaves_open(asked, "Het onderzoek is in volle gang.")
    assert not leaves_open(asked, "De uitname loopt in 2022 af.")  # a period that ends, not work under way
    assert leaves_open(asked, "Vanuit de fondsbeheerders is het onderzoek naar valse VOG's gestart.")  # begun only
    assert leaves_open(asked, "Het onderzoek is in september van start gegaan.")
    chosen = "Welke geschilleninstantie is uiteindelijk gekozen?"  # options laid out, none chosen
    assert leaves_open(chosen, "Hiervoor zijn verschillende opties beschikbaar, bijvoorbeeld de Geschillencommissie.")
    assert not leaves_open(chosen, "Gekozen is voor de Geschillencommissie Inkoop Sociaal Domein.")
    assert not leaves_open(asked, "Het onderzoek toonde aan dat 40 VOG's vals waren.")


def test_a_count_counts_the_words_right_after_it_not_a_noun_further_on():
    teams = "Hoeveel lokale teams hebben al een vast aanspreekpunt?"
    assert not holds_focus("number", "Er komen vijf basisfuncties voor lokale teams naar voren.", teams)
    assert holds_focus("number", "Inmiddels hebben 40 lokale teams een aanspreekpunt.", teams)
    assert holds_focus("number", "Het aantal lokale teams met een aanspreekpunt is 40.", teams)
    assert holds_focus("number", "Twaalf lokale teams hebben al een vast aanspreekpunt.", teams)  # a count in words
    assert holds_focus("number", "Twintig lokale teams hebben al een vast aanspreekpunt.", teams)
    red = "Hoeveel jeugdbeschermingsinstellingen zitten in de rode cijfers?"
    assert holds_focus("number", "Zo'n 40% van de jeugdbeschermingsinstellingen zit in de rode cijfers.", red)


def test_a_body_that_does_not_sit_at_the_table_must_be_named_where_the_answer_stands():
    from assistant.answer.evidence import body_absent

    asked = "Wat had de Kinderombudsman met haar achterban afgesproken over extra taken?"
    assert body_absent(asked, ["VNG heeft met haar achterban afgesproken dat gemeenten alleen extra taken doen."])
    assert not body_absent(asked, ["De Kinderombudsman heeft met haar achterban extra taken afgesproken."])
    assert not body_absent("Sinds wanneer adviseert het NJi de stuurgroep?", ["het NJI is sinds mei adviseur"])
    assert not body_absent("Wat had de VNG met haar achterban afgesproken?", ["Gemeenten doen extra taken."])
    ruled = "Welke uitspraak deed de arbiter uiteindelijk over de middelen voor jeugd?"  # a judge is no arbiter
    assert body_absent(ruled, ["De uitspraak van de voorzieningenrechter laat zien dat gemeenten goed onderbouwen."])


def test_a_place_the_question_names_must_be_named_where_the_answer_stands():
    from assistant.answer.evidence import body_absent

    asked = "Hoeveel contracten sluit de regio Twente volgens de enquête?"
    assert body_absent(asked, ["Gemeenten sluiten gemiddeld 150 contracten."]) == "regio Twente"
    assert not body_absent(asked, ["In Twente sluit de regio 150 contracten."])
    assert not body_absent("Hoeveel contracten sluiten de regio's volgens de enquête?", ["Gemiddeld 150."])
    assert not body_absent("Wat zei de rechter over de indexatie?", ["De uitspraak van de voorzieningenrechter ..."])


def test_a_date_is_the_date_of_the_event_asked_about():
    from assistant.answer.evidence import date_event, event_undated

    left = "Wanneer verliet minister Dekker het overleg?"
    assert date_event(left) == ("verla", "verli")
    assert event_undated(left, [["Op 15 november 2019 sprak u samen met collega Dekker informeel met de VNG."]])
    assert not event_undated(left, [["Om 15.00 uur op 30 januari 2020 verlaat Dekker het overleg."]])
    assert not event_undated(left, [["Het overleg van 30 januari 2020.", "Dekker verlaat daarna het overleg."]])
    received = "Op welke dag nam de minister de petitie van Het Vergeten Kind in ontvangst?"  # a strong verb
    assert not event_undated(received, [["U hebt op maandag 10 februari de petitie in ontvangst genomen."]])
    assert event_undated(received, [["Op 10 februari sprak u over de petitie van Het Vergeten Kind."]])
    assert event_undated(left, [["Het overleg van 30 januari 2020."], ["Dekker verlaat het overleg."]])  # apart
    sent = "Op welke datum is het memo naar de Tweede Kamer gestuurd?"  # the participle after the auxiliary
    assert event_undated(sent, [["In bijlage A vindt u een memo met de stand van denken van 27 januari."]])
    assert not event_undated(sent, [["Het memo is op 3 februari 2020 aan de Kamer verzonden."]])  # the same event
    appeared = "Wanneer verscheen de notitie van de VNG?"
    assert not event_undated(appeared, [["De VNG publiceerde de notitie op 2 maart 2020."]])
    closed = "Wanneer sloot de digitale ledenraadpleging van de VNG over de NvO?"  # its deadline is when it closes
    assert not event_undated(closed, [["De deadline van de ledenraadpleging is 26 juni."]])
    began = "In welk jaar begon Utrecht met de pilot van de Extr@Utrecht teams?"  # begun is started
    assert not event_undated(began, [["In 2017 werd gestart met een pilot van twee zogeheten Extr@Utrecht teams."]])
    year = "Vanaf welk jaar gaan de varianten voor de normering gelden?"  # a year asked: a date
    worked = "Op basis van deze evaluatie worden varianten uitgewerkt voor de normering vanaf 2022."
    assert question_focus(year) == "date" and not still_asked(year, worked)  # worked out, but the year is given
    assert still_asked("Welke varianten komen er voor de normering?", worked)
    signed = "Wanneer is het convenant met de VNG en de BGZJ ondertekend?"  # a participle without 'ge' closing it
    assert date_event(signed) == ("ondertek",)  # not 'onder', which begins 'onderzoek'
    assert event_undated(signed, [["In de zomer van 2020 werken wij toe naar een convenant met de VNG en de BGZJ."]])
    assert not event_undated(signed, [["Het convenant is op 2 juli 2020 ondertekend."]])
    published = "Wanneer is de handreiking over dataveiligheid na het lek bij Kenter gepubliceerd?"
    link = "https://www.rijksoverheid.nl/documenten/publicaties/2020/03/09/verslag-24-uurs-werkconferentie"
    assert event_undated(published, [[link]])  # dates a publication, not the handreiking's
    assert not event_undated(published, [["De handreiking dataveiligheid is op 2 november 2020 gepubliceerd."]])
    steps_in = "Wanneer stapt de Jeugdautoriteit in bij een aanbieder?"  # named by its abbreviation
    assert not event_undated(steps_in, [["Op 1 juli 2019 stapt de JA in bij de aanbieder."]])
    for own_words in (
        "Wanneer vond het BO plaats?",
        "Sinds wanneer geldt het verdrag?",
        "Wanneer liep het af?",
        "Wanneer kreeg de Kamer de hoofdvragen?",
        "Wanneer is het BO?",
        "Hoeveel gemeenten verlieten?",
    ):
        assert not event_undated(own_words, [["Op 7 november 2019 zijn de hoofdvragen met de Kamer gedeeld."]])


def test_a_day_or_year_asked_for_is_not_answered_by_a_month_or_day():
    day = "Op welke datum ontving de minister de voortgangsbrief?"
    assert not holds_focus("date", "De BGZJ heeft toegezegd in oktober u een voortgangsbrief te sturen.", day)
    assert holds_focus("date", "De BGZJ stuurde op 8 november 2019 de voortgangsbrief.", day)
    assert holds_focus("date", "De BGZJ stuurde op 8 november de voortgangsbrief.", day)
    assert holds_focus("date", "De BGZJ heeft toegezegd in oktober u een brief te sturen.", "Wanneer kwam de brief?")
    year = "In welk jaar werd Jan Menting voorzitter van het platform?"  # a year, not a day without one
    assert not holds_focus("date", "José legt haar functie per 1 juli neer; Jan Menting volgt haar op.", year)
    assert holds_focus("date", "Jan Menting werd in 2016 voorzitter van het platform.", year)
    assert holds_focus("date", "Jan Menting werd vorig jaar voorzitter van het platform.", year)
    assert holds_focus("date", "José legt haar functie per 1 juli neer.", "Wanneer legt José haar functie neer?")


def test_an_amount_asked_is_one_the_question_does_not_give_itself():
    asked = "Welk bedrag kreeg elke instelling uit de € 33,5 mln. voor de vastgoedtransitie?"
    assert not holds_focus("number", "Per instelling is er in totaal 33,5 mln. beschikbaar.", asked)
    assert holds_focus("number", "Per instelling is er € 2 mln. beschikbaar.", asked)
    assert holds_focus("number", "Per instelling is er € 2 mln. beschikbaar.", "Hoeveel geld kreeg elke instelling?")
    yearly = "Hoeveel jongeren verliezen we jaarlijks uit beeld?"  # a count per year, not a share or a total
    assert not holds_focus("number", "30% van de jongeren verliezen we uit beeld.", yearly)
    assert holds_focus("number", "Jaarlijks verliezen we 4000 jongeren uit beeld.", yearly)
    part = "Hoeveel van de € 170 miljoen ging naar de regio Utrecht?"  # a part of an amount the question gives
    assert not holds_focus("number", "Het voorschot wordt met de vastgestelde € 170 miljoen verrekend.", part)
    assert holds_focus("number", "Naar de regio Utrecht ging € 9 miljoen.", part)


def test_an_outcome_a_sentence_reports_is_not_left_open_by_a_plan_beside_it():
    asked = "Wat kwam er uit de visie die experts voor de branches ontwikkelden?"
    planned = "In de BJ42 zal worden gesproken over de visie van de branches."
    reported = "Hier kwam uit dat de keten moet stoppen met denken vanuit het organisatiebelang."
    assert outcome_left_open(asked, [planned])
    assert not outcome_left_open(asked, [planned, reported])
    assert not outcome_left_open("Wat zei de VNG over de visie?", [planned])  # no outcome asked


def test_what_came_of_something_no_passage_names_is_not_answered_by_another_outcome():
    asked = "Wat kwam er uit de oefensessie over regionale samenwerking met gemeenten en BGZJ?"
    elsewhere = "Hier kwam uit dat de keten moet stoppen met denken vanuit het organisatiebelang."
    held = "Regionale samenwerking: zou graag een oefensessie zien met gemeenten en BGZJ."
    assert outcome_unseen(asked, [elsewhere])
    assert not outcome_unseen(asked, [elsewhere, held])
    assert outcome_unseen("Wat was de uitslag van de digitale stemming over de NvO?", ["De NvO is besproken."])
    assert not outcome_unseen("Wat was de uitslag van de digitale stemming?", ["De leden stemden digitaal."])
    assert not outcome_unseen("Wat zei de VNG over de oefensessie?", [elsewhere])  # no outcome asked


def test_when_something_was_done_is_not_given_by_when_it_was_meant_to_be():
    done = "Wanneer is de AMvB met de elementen van een redelijk tarief in werking getreden?"
    aim = "Het streven is om dit wetsvoorstel en de AMvB in werking te laten treden per 1 april 2021."
    letter = dt.date(2020, 3, 20)
    assert only_planned(done, aim, letter)
    assert not only_planned(done, aim, dt.date(2021, 6, 1))  # written after the day: it looks back
    assert not only_planned("Wanneer treedt de AMvB in werking?", aim, letter)  # asks when it will
    assert not only_planned("Wanneer is de inwerkingtreding van de AMvB gepland?", aim, letter)
    held = "Op 10-11 februari 2020 vindt een 24-uursessie plaats in Vinkeveen."  # scheduled, not aimed at
    assert not only_planned("Wanneer werd de 24-uursessie gehouden?", held, dt.date(2020, 1, 24))
    sent = "Wanneer is de eerstvolgende voortgangsrapportage aan de Kamer gestuurd?"  # a day still ahead, no aim
    report = "Bij de eerstvolgende voortgangsrapportage (juni 2020) wordt de Kamer geïnformeerd."
    assert only_planned(sent, report, letter)
    assert not only_planned(sent, report, dt.date(2020, 7, 1))  # written after it
    assert not only_planned("Wanneer worden de indexatiecijfers bekend?", "De cijfers komen in mei 2020.", letter)
    due = "Wanneer moeten de regio's de nieuwe werkwijze ontwikkeld hebben?"  # a deadline, not what was done
    assert not only_planned(due, "De regio's hebben deze nieuwe werkwijze eind 2020 ontwikkeld.", letter)


def test_a_figure_asked_for_one_year_is_not_given_by_a_document_of_another():
    from assistant.answer.evidence import year_elsewhere

    asked = "Hoeveel minder kinderen werden er in 2020 geholpen door de administratieve lasten?"
    roundtable = "Plat gezegd kunnen er nu 10% minder kinderen geholpen worden."
    assert year_elsewhere(asked, dt.date(2018, 2, 12), roundtable)
    assert not year_elsewhere(asked, dt.date(2020, 6, 24), roundtable)  # written that year
    assert not year_elsewhere(asked, dt.date(2018, 2, 12), "In 2020 kunnen er 10% minder geholpen worden.")
    assert not year_elsewhere(asked, None, roundtable)  # no date known: nothing to hold it against
    assert not year_elsewhere("Wilde De Jonge in 2019 de decentralisatie terugdraaien?", dt.date(2020, 1, 30), "Nee.")
    from assistant.answer.assistant import _other_year

    meta = DocMeta("r", "rondetafelverslag", "Terugkoppeling", "b.pdf", 24, 25, "", dt.date(2018, 2, 12))
    said = _other_year(asked, Passage("c1", meta, roundtable, "", (24,)))
    assert said == (
        "(Het dichtst bij de vraag komt een passage uit het rondetafelverslag van 12 februari 2018; "
        "2020 staat daar niet in.)"
    )


def test_who_took_a_role_over_is_left_open_while_one_is_still_sought():
    asked = "Welke gemeente nam na het afhaken van Maastricht de coördinerende rol voor het expertisecentrum over?"
    sought = "Er nog een gemeente wordt gezocht voor het trekken van het expertisecentrum, nu Maastricht is afgehaakt."
    assert outcome_left_open(asked, [sought])
    assert not outcome_left_open(asked, ["Heerlen neemt de coördinerende rol voor het expertisecentrum over."])
    assert not asks_outcome("Hoeveel bestuurders namen deel aan het gesprek over Actielijn 2?")  # 'over' a topic


def test_the_conclusion_of_an_advice_still_to_come_is_left_open():
    asked = "Wat was de conclusie van het expertiseteam van de VNG over het begrenzen van de jeugdhulp?"
    announced = "Een expertiseteam van de VNG brengt dit voorjaar advies uit over het begrenzen van de jeugdhulp."
    assert outcome_left_open(asked, [announced])
    assert not outcome_left_open(asked, ["Het expertiseteam concludeerde dat begrenzen mag."])
    assert not outcome_left_open("Waarover brengt het expertiseteam advies uit?", [announced])  # no outcome asked


def test_results_ready_early_next_month_leave_the_outcome_open_unless_first_results_are_given():
    asked = "Wat was de uitkomst van de evaluatie van de huisvestingscomponent?"
    ready = "Begin juli is ook de definitieve rapportage van de evaluatie van de huisvestingscomponent gereed."
    assert left_open(ready) and outcome_left_open(asked, [ready])
    first = "Dit is ook wat de eerste resultaten laten zien van de evaluatie van de huisvestingscomponent."
    assert not outcome_left_open(asked, [ready, first])  # what came out so far is reported


def test_what_someone_was_asked_to_do_leaves_what_came_of_it_open():
    asked = "Wat concludeerde het OZJ na de eerste cyclus over de beoogde congruentie?"
    requested = "Dhr. Eerenberg verzoekt het OZJ na de 1e cyclus te reflecteren of de beoogde congruentie is bereikt."
    assert left_open(requested) and outcome_left_open(asked, [requested])
    assert not outcome_left_open(asked, ["Het OZJ concludeerde na de 1e cyclus dat de congruentie is bereikt."])
    assert not left_open("Dhr. Eerenberg vraagt naar de congruentie.")  # a question, nothing asked to be done


def test_what_has_been_done_by_now_is_left_open_by_what_is_only_said_to_be_worth_doing():
    joined = "Welke opleidingen hebben zich inmiddels aan het traject verbonden?"
    worth = "Van belang is ook om opleidingen (zowel HBO als WO) aan te haken aan dit traject."
    assert left_open(worth) and outcome_left_open(joined, [worth])
    assert not outcome_left_open(joined, ["De Hogeschool Utrecht heeft zich inmiddels aan het traject verbonden."])
    assert not left_open("Opleidingen zijn van belang voor dit traject.")  # said to matter, nothing still to do
    chosen = "Welk toekomstscenario is uiteindelijk gekozen?"  # an aim is no outcome
    assert outcome_left_open(chosen, ["Het doel is om voor eind dit jaar tot een gedragen toekomstscenario te komen."])


def test_a_reaction_is_left_open_by_a_best_sentence_that_has_it_still_to_come():
    asked = "Hoe reageerde de VNG-delegatie op de aangepaste brief?"
    ahead = "Brief zal worden aangepast en nog dezelfde middag voor reactie aan de VNG-delegatie worden voorgelegd."
    assert outcome_left_open(asked, [ahead, "De VNG-delegatie kreeg de brief."])
    assert not outcome_left_open(asked, ["De VNG-delegatie kreeg de brief.", ahead])  # not the best one
    assert not outcome_left_open(asked, ["De VNG-delegatie reageerde positief op de aangepaste brief."])
    after = "Een concept ligt voor; nadat partijen hier op hebben gereageerd kunnen zij hun achterbannen consulteren."
    assert outcome_left_open("Hoe reageerden de achterbannen op de conceptafspraak?", [after])


def test_an_outcome_is_left_open_by_a_time_still_ahead_when_the_document_was_written():
    mentors = "Wat waren de uitkomsten van het onderzoek naar de inzet van mentoren in de pleegzorg?"
    assert outcome_left_open(mentors, ["een onderzoek naar de inzet van mentoren (uitkomsten bekend na de zomer)"])
    assert not outcome_left_open(mentors, ["Het onderzoek naar de inzet van mentoren is na de zomer afgerond."])
    asked = "Wat was de uitkomst van het verkennend onderzoek naar een werkwijze voor de GI's?"
    ahead = "Voor de zomer van 2020 ronden zij hiertoe een verkennend onderzoek af."
    march, september = dt.date(2020, 3, 20), dt.date(2020, 9, 1)
    assert outcome_left_open(asked, [ahead], [march])  # in a letter of March: planned
    assert not outcome_left_open(asked, [ahead], [september])  # written after the summer: it may report it
    assert not outcome_left_open(asked, [ahead])  # no date known: nothing to hold it against
    assert not outcome_left_open("Wat wilden de GI's onderzoeken?", [ahead], [march])  # no outcome asked
    # the sentence the answer would open with counts too, though three others hold more of the question
    opening = Sentence(ahead, 0, 11, 0.41, 0.66, 0.23)
    others = [Sentence(f"De GI's en cliënten, zin {n}.", 0, n, 0.4, 0.6, 0.3) for n in range(3)]
    assert [s.position for s in open_candidates([opening, *others])] == [0, 1, 2, 11]
    assert len(open_candidates([*others, opening])) == 3  # none twice when the opening one holds most


def test_the_sentence_that_leaves_an_outcome_open_is_the_one_the_decision_read():
    asked = "Wat kwam er uit de visie die experts voor de branches ontwikkelden?"
    planned = "In de BJ42 zal worden gesproken over de visie van de branches."
    other = "De visie van de branches is besproken."
    assert open_sentence(asked, [other, planned]) == 1
    assert open_sentence("Wat zei de VNG over de visie?", [other, planned]) is None  # no outcome asked
    # looking into what is asked counts only in the best sentence and the opening one, as the decision reads it
    which = "Welke ontwikkelcirkels van het OZJ zijn na de herijking buiten het OZJ ondergebracht?"
    looked_into = "Voor de ontwikkelcirkels die goed lopen, wordt gekeken hoe die buiten het OZJ kunnen worden ingebed."
    assert open_sentence(which, [other, looked_into, other]) is None
    assert open_sentence(which, [other, other, other, looked_into]) == 3


def test_what_is_still_looked_into_or_only_asked_does_not_answer():
    asked = "Welke ontwikkelcirkels van het OZJ zijn na de herijking buiten het OZJ ondergebracht?"
    looked_into = "Voor de ontwikkelcirkels die goed lopen, wordt gekeken hoe die buiten het OZJ kunnen worden ingebed."
    assert still_asked(asked, looked_into)
    assert outcome_left_open(asked, [looked_into, "Het OZJ werkt aan het Jaarplan 2020."])
    assert not outcome_left_open(asked, ["Het OZJ werkt aan het Jaarplan 2020.", looked_into])  # not the best one
    assert not still_asked("Wat wordt er onderzocht aan de ontwikkelcirkels?", looked_into)  # asks what is looked into
    registered = "Welke kwaliteitskaders voor de jeugdhulp zijn inmiddels geregistreerd bij het Zorginstituut?"
    whether = "Dit jaar verkennen we of de kwaliteitskaders voor de jeugdhulp geregistreerd kunnen worden."
    assert still_asked(registered, whether)  # whether is still being looked into
    assert not still_asked("Welke knelpunten werden opgesomd?", "Wij bezien of deze opsomming werkbaar is.")
    talked = "Met wie bespreekt het Rijk of de opsomming van regionale zorg werkbaar is?"  # asks about the looking
    assert not still_asked(talked, "In gesprek met gemeenten en cliënten bezien we of deze opsomming werkbaar is.")
    assert still_asked("Is de opsomming van regionale zorg werkbaar?", "Nu bezien we of deze opsomming werkbaar is.")
    assert not still_asked("Wat vond de VNG van de ontwikkelcirkels?", looked_into)  # a position: what they said
    expertise = "Welke expertise moet minimaal in elk wijkteam aanwezig zijn?"
    assert still_asked(expertise, "Hoe rust je dit toe; welke expertise is nodig; wat is passende zorg?")
    assert not still_asked(expertise, "Over welke expertise nodig is, namelijk een gedragswetenschapper.")
    assert not still_asked(expertise, "In elk wijkteam moet een gedragswetenschapper zitten.")
    letter = "Wat stond er in de brief van minister Slob over het aantal thuiszitters?"
    assert still_asked(letter, "Minister Slob komt binnenkort met een brief over het aantal thuiszitters.")
    assert not still_asked(letter, "In zijn brief meldt minister Slob een toename van het aantal thuiszitters.")
    advice = "Welk advies gaf het NJi over de wachttijden?"  # an advice asked for, not given
    assert still_asked(advice, "Het NJi heeft opdracht gekregen voor een advies over de wachttijden.")
    assert still_asked("Wat adviseerde de Raad over de wet?", "Er is over de wet om advies gevraagd aan de Raad.")
    assert not still_asked(advice, "Het NJi adviseert de wachttijden per regio te publiceren.")
    guide = "Wat stond er in de gespreksleidraad voor de gesprekken?"  # an attachment pointed to, not held
    assert still_asked(guide, "Er zijn gesprekken gevoerd (in bijlage 5 vindt u ter informatie de gespreksleidraad).")
    vision = "Wat stond er in het visiedocument van de G40?"  # a document still being written
    assert still_asked(vision, "De G40 is bezig met een visiedocument.")
    plan = "Wat stond er in het plan van aanpak voor verdere implementatie van de VNG?"  # one not seen yet
    assert still_asked(plan, "U dan ook benieuwd bent naar het plan van aanpak voor verdere implementatie van de VNG.")
    proposal = "Welk voorstel deed de VNG over de positionering van de autoriteit?"  # one only announced
    assert still_asked(proposal, "Dhr. Eerenberg: VNG zal ook een voorstel doen.")
    assert not still_asked(proposal, "De VNG stelt voor de autoriteit bij de NZa te positioneren.")
    pledged = "Welke concrete bijdrage heeft het OZJ toegezegd aan de lokale teams?"  # an adjective before the noun
    put_back = "Welke bijdrage kan het OZJ daaraan concreet leveren in 2020?"  # the nota asks it back
    teams = "We willen dat in elke regio de basisfuncties voor lokale teams worden geborgd."
    assert outcome_left_open(pledged, [teams, teams, put_back, teams])  # a question itself, wherever it ranks
    assert not outcome_left_open(pledged, [teams, teams, "Welke bijdrage het OZJ levert, staat in bijlage 2.", teams])
    heidag = "Wat waren volgens Eerenberg de uitkomsten van de VNG-heidag van 11 oktober?"  # a nota has them asked for
    assert still_asked(heidag, "De heer Eerenberg vragen naar de uitkomsten van de VNG-heidag van 11 oktober.")
    motion = "Welke motie vraagt om eenduidige modellen in de jaarverantwoording?"  # named, whatever is looked into
    merged = "Daarnaast wordt bezien wat nodig is. dit is in lijn met motie Van den Berg waarin gevraagd wordt om ..."
    assert not still_asked(motion, merged)
    assert still_asked(motion, "Daarnaast wordt bezien wat nodig is voor de harmonisatie, in lijn met een motie.")
    asking = "Naar de uitkomsten van welke bijeenkomst kon de minister Eerenberg vragen?"  # about the asking itself
    assert not still_asked(asking, "De heer Eerenberg vragen naar de uitkomsten van de VNG-heidag van 11 oktober.")
    assert not still_asked(heidag, "De heer Eerenberg vragen naar de voortgang; de heidag koos voor drie regio's.")
    topical = "Iedere discussie over positionering heeft voor- en nadelen."  # holds most of the question
    assert outcome_left_open(proposal, [topical, topical, topical, "Dhr. Eerenberg: VNG zal ook een voorstel doen."])


def test_which_part_of_a_document_asks_no_share():
    assert question_focus("Welk deel van de NvO is volgens de nota nog helemaal niet uitgewerkt?") == "none"
    assert question_focus("Welk deel van de bevolking heeft psychische hulp nodig?") == "number"
    assert question_focus("Welk deel van het budget gaat naar welke zorg?") == "number"


def test_a_document_drawn_up_is_not_a_position_asked():
    assert not asks_position("Welk puntenmanifest stelde Jeugdzorg Nederland in de zomer van 2019 op?")
    assert asks_position("Wat stelde Spijt voor op 30 januari 2020?")  # 'op' a day, not the particle
    assert asks_position("Wat stelde de VNG over de norm?")


def test_a_meeting_that_took_place_is_not_a_position_asked():
    from assistant.answer.question import read_question

    took_place = "Welke overleggen vonden op 25 juni 2020 plaats om het voorstel te toetsen?"
    assert not asks_position(took_place) and not read_question(took_place).asks_what_was_said
    assert asks_position("Wat vonden de overleggen van 25 juni 2020 van het voorstel?")
    assert read_question("Wat vond de VNG van de plaatsing van jongeren?").asks_what_was_said  # not 'vond ... plaats'


def test_percentages_and_amounts_asked_in_the_plural_ask_for_numbers():
    asked = "Welke indexatiepercentages voor 2020 werden in mei 2020 bekendgemaakt?"
    assert question_focus(asked) == "number"
    assert not holds_focus("number", "De indexatiecijfers voor 2020 worden pas in mei 2020 bekend.", asked)
    assert holds_focus("number", "De indexatie voor 2020 is 2,9 procent.", asked)
    assert question_focus("Welke bedragen kregen de gemeenten?") == "number"


def test_a_place_is_not_a_person_a_compound_or_a_noun():
    asked = "Welke gemeenten hebben al indexatieafspraken met aanbieders gemaakt?"
    assert not holds_focus("name", "Dhr. De Jonge geeft aan dat de afspraken regionaal geregeld worden.", asked)
    assert not holds_focus("name", "Een richtlijn voor indexatieafspraken in het Wmo-domein en jeugd.", asked)
    assert not holds_focus("name", "Bij de Voorjaarsnotabesluitvorming zijn afspraken gemaakt.", asked)
    assert holds_focus("name", "Zo hebben Foodvalley en Twente deze afspraken al.", asked)
    assert holds_focus("name", "In de regio Rotterdam-Rijnmond zijn afspraken gemaakt.", asked)
    assert place_names("Dhr. Meijer (Ede) en de G4") == {"Ede", "G4"}
    assert place_names("De onderscheiden vervallen (AWBZ, Zvw, Wjz) in Utrecht.") == {"Utrecht"}  # laws: no place
    bodies = "Gedeeld met de Stuurgroep, het Ondersteuningsteam en het Bestuurlijk Overleg in Zwolle."  # no places
    assert place_names(bodies) == {"Zwolle"}
    assert place_names("Het onderzoek is naar de Tweede Kamer verzonden, ook in Zwolle.") == {"Zwolle"}  # no place


def test_which_ones_are_not_answered_by_a_sentence_that_names_none():
    asked = "Welke competenties moet het SKJ volgens de rondetafel aan de beroepsprofielen toevoegen?"
    bare = "SKJ gaat te veel uit van bestaande profielen en gaat te weinig over competenties"
    assert names_none(asked, bare, "We moeten meer leren.")
    assert not names_none(asked, bare, None)  # what follows is not known: a label or heading may bring the list
    assert not names_none(asked, bare, "Bijvoorbeeld gespreksvaardigheid en kennis van de sociale kaart.")
    assert not names_none(asked, "Het SKJ mist competenties als gespreksvaardigheid.", "")  # it names one
    fix = "Welke praktische oplossing werd genoemd voor gemeenten die rechtmatigheid vrezen?"
    assert not names_none(fix, "10.2.e : praktische oplossing: de controleprotocollen aanpassen.", "")  # after colon
    modalities = "Welke uitkomstmodaliteiten zijn in de oefensessie getoetst?"  # a label opens it, no list follows
    wished = "Regionale samenwerking: zou graag een sessie zien om de verschillende uitkomstmodaliteiten te toetsen."
    assert names_none(modalities, wished, "")
    assert not names_none(modalities, "Getoetst zijn twee uitkomstmodaliteiten: landsdelen en regio's.", "")
    clubs = "Welke sportverenigingen hebben zich verbonden aan de opvoedopdracht?"
    kinds = "Andere partijen zoals vrijwilligersorganisaties, werkgevers, sportverenigingen zijn van belang."
    assert names_none(clubs, kinds, "")  # one of the kinds listed: none named
    assert not names_none(clubs, "Partijen zoals de sportverenigingen VV Ede en Ajax zijn van belang.", "")
    norms = "Bij welke normen moeten aanbieders aansluiten?"  # the list holds a name: some are named
    assert not names_none(norms, "Normen zoals de Governancecode en andere normen worden gebruikt.", "")
    bodies = "Met welke gremia is de nieuwe koers van het OZJ eerder gedeeld?"
    assert not names_none(bodies, "In beide gremia was steun voor deze nieuwe koers.", "")  # named just before it
    assert names_none(bodies, "Er was in meerdere gremia steun voor deze nieuwe koers.", "")
    assert not names_none(asked, "Het SKJ mist drie competenties.", "")  # a count announces them
    assert not names_none("Wat vond het SKJ van de competenties?", bare, "")  # a position, not which ones
    groups = "Welke groepen worden minder goed bereikt?"  # named by their kind, not by 'andere'
    assert not names_none(groups, "Kwetsbare groepen worden minder goed bereikt.", "")
    assert names_none(groups, "Ook andere groepen worden minder goed bereikt.", "")
    session = "In welke regiosessie werd het principe 1 gezin, 1 plan als succesvol ervaren?"  # a noun, then a verb
    assert asked_noun(session) == "regiosessie" and asked_noun("Welke nieuwe eisen stelde het Rijk?") == "eis"
    assert asked_noun("Welke motie vraagt om eenduidige modellen?") == "motie"  # a verb, then a preposition
    assert asked_noun("Welke rol ziet de minister voor gemeenten?") == "rol"  # a noun of three letters too
    assert names_none(session, "Volgens cliënten in een van de regiosessies zit de grootste ontevredenheid.", "")
    enriched = "Met welke informatie gaat het OZJ de regiobeelden verrijken?"  # named by what it is of
    assert not names_none(enriched, "Ze verrijken de regiobeelden met informatie van de ontbrekende jeugdregio's.", "")
    envoys = "Welke regio-ambassadeurs van het OZJ droegen de last?"  # of what the question names itself: none
    assert names_none(envoys, "De last lag bij de regio-ambassadeurs van het OZJ.", "")
    doctors = "Welke huisartsen weigeren samen te werken met gemeenten?"  # clauses, not a list, after ':' and ','
    some = "Er wordt gemengd gereageerd: er zijn huisartsen met wie het goed gaat, maar er zijn er ook die niet willen."
    assert names_none(doctors, some, "")
    assert not names_none(doctors, "Er zijn huisartsen die niet willen: Jansen, Pietersen en De Vries.", "")
    disputes = "Welke geschilpunten werden op 11 maart besproken?"  # some, none said which
    spoke = "Op 11 maart sprak u informeel met de VNG over enkele geschilpunten uit de conceptjeugdbrief."
    assert names_none(disputes, spoke, "Het BO van 25 maart werd geannuleerd.")
    assert not names_none(disputes, "U sprak over enkele geschilpunten, zoals de regiovisie.", "")
    assert not names_none(disputes, "U sprak over een aantal geschilpunten die de VNG had ingebracht.", "")
    preferred = "Welke voorkeur heeft BZK bij de samenwerking tussen gemeenten?"  # 'bij voorkeur' states it
    assert not names_none(preferred, "BZK legt bij voorkeur geen samenwerking op.", "Als we dat wel doen.")
    assert names_none(preferred, "BZK heeft wel een voorkeur, maar legt niets op.", "Als we dat wel doen.")
    assert not names_none("Welke gemeenten deden mee?", "Gemeenten deden mee.", "")  # a place: the focus rules
    postdoc = "Welke postdoc opleidingen hebben de methodiek al opgenomen?"  # the word after 'welke', one or many
    assert names_none(postdoc, "Het moet beter worden ingebouwd in de postdoc opleidingen.", "")
    envoys = "Welke regio-ambassadeurs van het OZJ droegen de last?"  # a hyphenated noun; the OZJ asked about
    assert names_none(envoys, "10.2.e benadrukt dat de last bij de regio-ambassadeurs van het OZJ ligt.", "")
    assert not names_none(envoys, "De last ligt bij de regio-ambassadeurs van Jeugdregio Twente.", "")
    standards = "Welke standaarden moeten gemeenten gebruiken?"  # named by a hyphenated word before the noun
    assert not names_none(standards, "Gebruik hierbij de i-sociaal domein standaarden.", "")
    assert names_none(standards, "Gebruik hierbij de bestaande standaarden.", "")
    functions = "Van welke functies moet het voorveld gebruikmaken?"  # named by the word joined to it by a hyphen
    assert not names_none(functions, "Het voorveld maakt gebruik van de “achtervang”-functies.", "")
    assert names_none(functions, "Het voorveld maakt gebruik van de bestaande functies.", "")
    period = "Over welke periode bieden gemeenten een omzetgarantie?"  # a month is a name written small
    assert not names_none(period, "Gemeenten bieden in de periode maart t/m juni een omzetgarantie.", "")
    assert names_none(period, "Gemeenten bieden voor een beperkte periode een omzetgarantie.", "")
    manner = "Op welke manier kon de BGZJ bij het onderzoek betrokken worden?"  # how, not which ones
    assert not names_none(manner, "U kunt de BGZJ vragen op welke manier zij betrokken willen zijn.", "Een optie is.")
    worry = "Welke zorg spraken enkele deelnemers uit over de sessie?"  # named by what follows 'dat'
    assert not names_none(worry, "Enkele deelnemers spraken de zorg uit dat de boel al voorgekookt was.", "")
    assert names_none(worry, "Enkele deelnemers spraken hun zorg uit over de sessie.", "")
    results = "Welke resultaten op korte termijn stonden op de ontwikkelagenda?"  # a heading over the items
    announced = "Daarnaast wordt ook gewerkt aan een aantal korte termijn resultaten."
    assert not names_none(results, announced, "Korte termijn resultaten")
    assert not names_none(results, "Korte termijn resultaten", "Ontwikkelen en operationaliseren vangnetregeling")
    assert names_none(results, announced, "Zij worden later uitgewerkt.")


def test_someone_on_behalf_of_a_body_is_a_person_and_agreements_made_are_decisions():
    from assistant.answer.question import read_question

    asked = "Wie nam namens de BGZJ zitting in de begeleidingsgroep?"
    assert not holds_focus("name", "Dit is in het BO Rijk-VNG besproken.", asked)  # a body, not who sat there
    assert holds_focus("name", "Namens de BGZJ neemt mevrouw De Koning zitting.", asked)
    assert holds_focus("name", "Dit is in het BO Rijk-VNG besproken.", "Wie besprak dit?")  # a body may answer
    bureau = "Wie werkt er aan standaardformats?"  # a body named in lower case: 'het ketenbureau', 'een expertteam'
    assert holds_focus("name", "Er wordt gewerkt aan standaardformats door het ketenbureau.", bureau)
    assert not holds_focus("name", "Er wordt gewerkt aan standaardformats.", bureau)
    assert read_question("Welke procesafspraken maakten minister en VNG in het BO van 28 november 2019?").asks_decision
    assert not read_question("Welke procesafspraken staan in de nota?").asks_decision


def test_who_held_a_role_asks_a_person_with_or_without_an_article():
    chair = "Wie was dagvoorzitter van de 24-uurs werkconferentie in Vinkeveen?"
    met = "Tijdens de werkconferentie in Vinkeveen verkenden 130 vertegenwoordigers van cliënten en gemeenten ..."
    assert not holds_focus("name", met, chair)  # bodies taking part are not who chaired it
    assert holds_focus("name", "Dagvoorzitter was Jan Jansen.", chair)
    assert holds_focus("name", "De VNG en de BGZJ namen deel.", "Wie nam deel aan de werkconferentie?")


def test_when_in_the_present_tense_is_answered_by_a_condition():
    rule = "Wanneer stapt de Jeugdautoriteit in, volgens de nota?"
    condition = "Van belang is de afbakening: JA stapt alleen in als er sprake is van discontinuïteit van jeugdhulp."
    assert holds_focus("date", condition, rule)
    assert not holds_focus("date", "De JA stapt in bij discontinuïteit van cruciale jeugdhulp.", rule)
    assert not holds_focus("date", condition, "Wanneer is de Jeugdautoriteit ingestapt?")  # a day, in the past
    assert not holds_focus("date", condition, "Wanneer stapte de Jeugdautoriteit in?")


def test_names_only_in_attendee_lines_count_as_missing():
    listed = passage(
        "Aanwezig: Ans van de Maat (NJi)\nAfwezig: Marthijn Laterveer (LOC)\nDe minister opent het overleg."
    )
    assert anchors_missing("Welke boodschap had de LOC voor de minister?", [listed]) == 1.0
    spoken = passage("Dhr. Spigt: de LOC heeft gevraagd om meer inspraak.")
    assert anchors_missing("Welke boodschap had de LOC voor de minister?", [spoken]) == 0.0


def test_names_in_attendee_lines_count_when_the_question_asks_who_was_there():
    listed = passage("Deelnemers BGZJ Ingrid Widdershoven voorzitter Vereniging Orthopedagogische Behandelcentra")
    assert anchors_missing("Wie vertegenwoordigde de Vereniging Orthopedagogische Behandelcentra?", [listed]) == 0.0
    assert anchors_missing("Wat wilde de Vereniging Orthopedagogische Behandelcentra?", [listed]) == 1.0
    both = passage("Aanwezig Cliëntenorganisaties Aline Molenaar Directeur Per Saldo Afwezig Leon Meijer, 10.2.e (LOC)")
    assert anchors_missing("Wie was er namens Per Saldo bij het BO van 30 januari 2020?", [both]) == 0.0
    assert anchors_missing("Wie was er namens de LOC bij het BO van 30 januari 2020?", [both]) == 1.0  # absent
    below = passage("Aanwezig Cliëntenorganisaties Aline Molenaar Per Saldo\nAfwezig:\nMarthijn Laterveer (LOC)")
    assert anchors_missing("Wie was er namens de LOC bij het BO van 30 januari 2020?", [below]) == 1.0  # next line
    nota = passage("De werkgroep monitoring (VNG, BGZJ, NJi, OZJ) rapporteert aan de stuurgroep.")
    roster = passage("Aanwezig VNG Eelco Eerenberg Wethouder Utrecht OZJ 10.2.e\nAfwezig Ali Rabarison")
    known = "Wie zat namens het NJi aan tafel bij het BO van 30 januari 2020?"  # a body known by its letters
    assert anchors_missing(known, [roster, nota]) == 1.0  # in a nota, not in the list
    assert anchors_missing(known.replace("NJi", "OZJ"), [roster, nota]) == 0.0
    assert anchors_missing(known, [nota]) == 0.0  # no list among the passages: any text holds it


def test_a_name_of_two_capitalised_parts_is_found_only_whole():
    text = passage("Amsterdam leidt de regio Noord-Holland; het amendement Westerveld-Klaver gaf geld.")
    assert anchors_missing("Welke gemeente leidt de regio Noord-Nederland?", [text]) == 1.0
    assert anchors_missing("Welke gemeente leidt de regio Noord-Holland?", [text]) == 0.0
    assert anchors_missing("Hoeveel geld gaf het amendement Westerveld-Klaver?", [text]) == 0.0


def test_which_one_stands_out_is_held_only_by_a_sentence_that_compares():
    most = "In welke regio werd de meeste kritiek geuit?"
    assert not holds_focus("name", "In Twente en Utrecht werd kritiek geuit.", most)
    assert holds_focus("name", "Vooral in Twente werd kritiek geuit.", most)
    assert holds_focus("none", "De grootste zorg is de wachtlijst.", "Wat is de grootste zorg?")
    assert not holds_focus("none", "Een zorg is de wachtlijst.", "Wat is de grootste zorg?")
    first = "Welke regio haalde als eerste de doelstelling?"  # and which one comes first by a sentence giving an order
    assert not holds_focus("name", "Utrecht haalde de doelstelling.", first)
    assert holds_focus("name", "Twee regio's (Noord-Holland en Noord) gaan van start.", first)
    variant = "Welke variant wordt als eerste opgepakt?"
    assert holds_focus("none", "Allereerst wordt de variant voor jeugd opgepakt, de tijd is kort.", variant)


def test_a_name_the_question_gives_a_document_by_is_found_in_its_title():
    letter = Passage("c1", DocMeta("k1", "kamerbrief", "Kamerbrief: Perspectief voor de Jeugd", "brief.pdf", 1, 52),
                     "Zo'n 130 vertegenwoordigers verkenden in Vinkeveen wat nodig is.", "", (6,))  # fmt: skip
    question = "Hoeveel vertegenwoordigers kwamen volgens de Kamerbrief Perspectief voor de Jeugd naar Vinkeveen?"
    assert anchors_missing(question, [letter]) == 0.0
    assert anchors_missing("Hoeveel vertegenwoordigers kwamen volgens het Actieplan naar Vinkeveen?", [letter]) == 0.5


def test_a_name_in_the_genitive_is_found_as_the_name():
    spoken = passage("Dhr. Spijt wil terug naar de opdracht.")
    assert anchors_missing("Waar wilden de branches volgens Spijts toelichting vanaf?", [spoken]) == 0.0
    assert anchors_missing("Waar wilden de branches volgens Meijers toelichting vanaf?", [spoken]) == 1.0


def test_speaker_missing_when_the_named_person_never_speaks():
    question = "Wat zei wethouder Sven de Langen over de terugkeerders?"
    assert speaker_missing(question, ["Dhr. Eerenberg: de terugkeerders vragen om geld."]) == 1.0
    assert speaker_missing(question, ["Dhr. De Langen: wij vangen de terugkeerders op."]) == 0.0
    assert speaker_missing(question, ["De Langen geeft aan dat Rotterdam klaarstaat."]) == 0.0
    assert speaker_missing("Hoeveel terugkeerders zijn er?", []) == 0.0  # not a question about what someone said
    typed = "Wat opperde mevrouw Esman over bandbreedtes?"  # typed without the accent the verslag has
    assert speaker_missing(typed, ["Mevr. Esmán voegt toe dat een bandbreedte mogelijk is."]) == 0.0
    assert speaker_missing("Waarover klaagde minister Dekker?", ["Mevr. Esmán voegt toe dat het kan."]) == 1.0
    # whom the question names as the object is not whom it asks to hear: the press reacted to De Viersprong
    bascule = "Wat vonden De Bascule en Spirit zelf van hun samengaan?"  # a body whose name opens with 'De'
    assert speaker_missing(bascule, ["Mooie initiatieven, zoals het samengaan van Bascule en Spirit."]) == 1.0
    assert speaker_missing(bascule, ["De Bascule zegt dat het samengaan goed verloopt."]) == 0.0
    reacted = "Hoe reageerde de pers op de persconferentie van De Viersprong?"
    assert speaker_missing(reacted, ["De landelijke pers was afwezig."], known={"Viersprong"}) == 0.0


def test_a_point_the_verslag_records_under_a_speakers_heading_is_theirs():
    question = "Wat vond Eerenberg van een AMvB reële prijs?"
    point = "AMvB reële prijs: draagt in onze optiek niet bij aan een oplossing."
    assert speaker_missing(question, [point]) == 1.0
    assert speaker_missing(question, [point], recorded={"Eerenberg"}) == 0.0
    assert speaker_missing(question, [point], recorded={"Spijt"}) == 1.0
    assert spoken_by(point, [("VNG (dhr. Eerenberg): " + point, "Eerenberg", "VNG")]) == ("Eerenberg", "VNG")
    assert spoken_by(point, [("Dhr. Spijt: wij willen een robuust systeem.", "Spijt", "BGZJ")]) is None


def test_the_people_asked_to_speak_are_not_those_named_as_an_object():
    known = {"Eerenberg", "Jonge", "Hoek", "Meijer"}
    assert speakers_asked("Hoe reageerde Eerenberg op de schets van De Jonge?", known) == ["Eerenberg"]
    assert speakers_asked("Wat zei Eerenberg tegen minister De Jonge?", known) == ["Eerenberg"]
    spoken_with = "Wanneer zou met minister Hugo de Jonge gesproken worden over de inbreng van de cliëntenorganisaties?"
    assert speakers_asked(spoken_with, known) == []  # spoken with, his first name written out
    assert speakers_asked("Hoe reageerden Eerenberg en De Jonge?", known) == ["Eerenberg", "Jonge"]
    assert speakers_asked("Van Hoek zei iets over een bestuurslaag. Wat was zijn punt?", known) == ["Hoek"]
    restated = "Je gaf aan dat De Jonge het collectief wilde dragen. Hoe keek Eerenberg daartegenaan?"
    assert speakers_asked(restated, known) == ["Eerenberg"]


def test_an_organisation_in_the_name_of_a_meeting_is_not_asked_about():
    from assistant.answer.question import organisations_asked

    assert organisations_asked("Wat zeiden de cliëntenorganisaties in het BO Rijk-VNG van 6 november?") == (
        "cliëntenorganisaties",
    )
    assert organisations_asked("Wat zei de VNG in het BO Rijk-VNG?") == ("VNG",)


def test_verbs_of_stance_ask_a_position():
    assert asks_position("Waaraan twijfelde Dekker bij de GI's?") and asks_position("Wat vreesde de VNG?")
    assert asks_position("Hoe oordeelde de Raad van State over het wetsvoorstel?")
    assert not asks_position("Hoeveel plekken telt de gesloten jeugdzorg?")


def test_a_body_asked_about_must_speak_in_the_sentences_too():
    ombudsman = "Wat vond de Kinderombudsman van de expertisecentra?"
    assert speaker_missing(ombudsman, ["Een Ronde Tafel met o.a. de Kinderombudsman en de SKJ."]) == 1.0
    assert speaker_missing(ombudsman, ["De Kinderombudsman vindt de centra een goede stap."]) == 0.0
    assert speaker_missing("Wat adviseerde de ROB?", ["Volgens de ROB kan het niet."]) == 0.0
    assert speaker_missing("Wat vond de VNG-commissie?", ["De VNG commissie stelt dat het accres te krap is."]) == 0.0
    assert speaker_missing("Wat vond de VNG van de norm?", ["Dhr. Eerenberg: de norm werkt."]) == 0.0  # seated
    assert speaker_missing("Wanneer wilde KPMG het opleveren?", ["KPMG levert half december op."]) == 0.0  # a date
    assert speaker_missing("Wat zegt het VN-Verdrag over de overheid?", ["Het VN-Verdrag verplicht tot inzet."]) == 0.0
    letter = "Jeugdzorg Nederland heeft op 30 oktober jl. een brief gestuurd aan de VNG (bijlage B)."
    assert speaker_missing("Wat vroeg Jeugdzorg Nederland aan de VNG?", [letter]) == 0.0  # it speaks in its letter
    assert speaker_missing("Wat vroeg Jeugdzorg Nederland aan de VNG?", ["Jeugdzorg Nederland 10.2.e"]) == 1.0
    rijk = "Hoe oordeelde het Rijk over de norm van de gemeenten?"  # the Rijk speaks in its own nota's and brieven
    assert speaker_missing(rijk, ["Dit is een stap in de goede richting, maar de NvO is vrijblijvend."]) == 0.0


def test_a_number_asked_according_to_someone_is_their_number():
    from assistant.answer.evidence import according_to, gather_evidence
    from assistant.answer.question import read_question
    from assistant.answer.retrieve import Retrieval

    asked = "Hoe groot was het tekort volgens Rabarison in euro's?"
    assert according_to(asked, {"Rabarison"}) == ["Rabarison"]
    assert according_to("Wat was volgens De Jonge het gevaar?", {"Jonge"}) == ["Jonge"]
    assert according_to("Welk percentage gold volgens KPMG?", {"Jonge"}) == []  # not a person the dossier knows
    others = "De berekening is gemaakt met een dagtarief van 95 euro per kind."
    hers = "Mevr. Rabarison: het tekort is 500 miljoen euro."

    def share(text: str) -> float:
        ranked = [Sentence(text, 0, 0, 0.6, 0.6, 0.6)]
        retrieval = Retrieval([passage(text)], read_question(asked))
        return gather_evidence(asked, retrieval, ranked, date_missing=False, known={"Rabarison"}).focus_share

    assert share(others) == 0.0  # a number, but not hers
    assert share(hers) == 1.0


def one_passage(question: str, *sentences: tuple[str, float]) -> Evidence:
    """The evidence of a passage of these sentences, each (text, support), in this order."""
    from assistant.answer.evidence import gather_evidence
    from assistant.answer.question import read_question
    from assistant.answer.retrieve import Retrieval

    ranked = [Sentence(text, 0, n, support, support, support) for n, (text, support) in enumerate(sentences)]
    retrieval = Retrieval([passage(" ".join(text for text, _ in sentences))], read_question(question))
    return gather_evidence(question, retrieval, ranked, date_missing=False)


def test_a_sentence_that_answers_the_one_before_it_holds_the_question_with_it():
    def share(question: str, *sentences: tuple[str, float]) -> float:
        return one_passage(question, *sentences).focus_share

    count = "Hoeveel mensen stelden het statement van de 24-uurssessie op?"
    set_up = ("Dit statement is opgesteld tijdens de 24-uurssessie van maart 2018.", 0.8)
    assert share(count, set_up, ("In deze sessie waren een 70-tal mensen in gesprek.", 0.2)) == 1.0  # points back
    assert share(count, set_up, ("In totaal waren er 70 mensen.", 0.2)) == 1.0  # it counts the 'mensen' asked about
    assert share(count, set_up, ("Er waren 70 deelnemers in Amersfoort.", 0.2)) == 1.0  # in other words
    assert share(count, set_up, ("Er waren 70 stoelen in Amersfoort.", 0.2)) == 0.0  # a count of something else
    who = "Welke wethouder was voor het eerst lid van de delegatie?"
    named = ("U kunt Cathalijne Dortmans (wethouder gemeente Helmond) welkom heten.", 0.3)
    assert share(who, named, ("Zij is voor het eerst lid van de delegatie.", 0.9)) == 1.0  # goes on from the name
    assert share(who, named, ("Het is voor het eerst lid van de delegatie.", 0.9)) == pytest.approx(1 / 3)


def test_a_set_up_that_opens_on_the_sentence_before_it_sets_up_with_that_one():
    def share(question: str, *sentences: tuple[str, float]) -> float:
        return one_passage(question, *sentences).focus_share

    asked = "Tot welk bedrag lopen de middelen voor jongeren in een gezinshuis op in 2023?"
    set_up = ("Het kabinet heeft middelen beschikbaar gesteld voor jongeren in een gezinshuis.", 0.6)
    amount = ("Vooruitlopend op de afspraken zijn middelen toegevoegd; dit loopt op tot € 11,4 miljoen in 2023.", 0.3)
    aside = ("Dit in navolging van de afspraak om pleegzorg te verlengen.", 0.1)
    assert share(asked, set_up, aside, amount) == 1.0  # the aside opens on the set-up
    assert share(asked, set_up, ("Pleegzorg wordt standaard verlengd.", 0.1), amount) == pytest.approx(0.5)


def test_which_ones_are_read_from_the_best_sentence_that_speaks_of_them():
    def left_open(question: str, *sentences: tuple[str, float]) -> float:
        return one_passage(question, *sentences).outcome_open

    asked = "Welke banken zijn betrokken bij de sanering van voorzieningen?"
    set_up = ("Bij de sanering van voorzieningen ontstaat vastgoedproblematiek.", 0.6)
    last = ("Het is van belang het proces te monitoren.", 0.1)
    assert left_open(asked, set_up, ("En daarbij spelen de banken een belangrijke rol.", 0.4), last) == 1.0
    assert left_open(asked, set_up, ("Daarbij zijn de banken ING en Rabobank betrokken.", 0.4), last) == 0.0


def test_a_count_of_kinds_is_no_count_of_the_things():
    asked = "Hoeveel geschillen heeft de geschillencommissie in 2019 behandeld?"
    assert not holds_focus("number", "De commissie richt zich op twee typen geschillen.", asked)
    assert holds_focus("number", "De commissie behandelde 14 geschillen.", asked)
    assert holds_focus("number", "De commissie kent twee typen geschillen.", "Hoeveel typen geschillen zijn er?")


def test_who_sat_in_a_team_asks_its_members_not_a_body_or_a_name_of_something():
    asked = "Wie zaten er in het gezamenlijke VNG/VWS/BGZJ-team om kort-cyclisch te monitoren?"
    assert not holds_focus("name", "VNG bekijkt of met de NvO in de hand een beeld kan worden gegeven.", asked)
    assert holds_focus("name", "In het team zaten Eelco Eerenberg en Hans Spigt.", asked)


def test_which_ones_supposed_in_a_condition_are_none_named():
    asked = "Welke wettelijke belemmeringen voor de overgang naar 18+ noemde de landelijke rondetafelbijeenkomst?"
    supposed = "Als er wettelijke belemmeringen zijn voor een soepele overgang van 18- naar 18+, los deze dan op."
    assert names_none(asked, supposed, "")
    assert not names_none(asked, "Wettelijke belemmeringen zijn de Wlz-grens en de 18-jaargrens.", "")


def test_a_share_counts_only_what_follows_it():
    asked = "Hoeveel mensen namen deel aan het overleg met cliëntenorganisaties?"
    assert not holds_focus("number", "Van deze mensen valt slechts zo'n 5 procent onder de Wlz.", asked)
    assert not holds_focus("number", "Van deze mensen valt slechts zo'n 5% onder de Wlz.", asked)
    assert holds_focus("number", "Het aantal mensen was 40.", asked)  # a count, named before it
    shares = "Hoeveel jeugdbeschermingsinstellingen hebben een wachtlijst?"
    assert holds_focus("number", "Bij 40% van de jeugdbeschermingsinstellingen is er een wachtlijst.", shares)


def test_a_count_of_representatives_of_a_list_counts_them_all():
    asked = "Hoeveel cliënten waren aanwezig bij de 24-uursessie in Vinkeveen?"
    together = (
        "In Vinkeveen hebben zo'n 130 vertegenwoordigers van cliënten, professionals en gemeenten verkend wat nodig is."
    )
    assert not holds_focus("number", together, asked)
    assert holds_focus("number", "Er waren 30 vertegenwoordigers van cliënten en 100 professionals.", asked)
    assert holds_focus("number", together, "Hoeveel vertegenwoordigers waren er in Vinkeveen?")


def test_a_capitalised_common_noun_a_heading_ran_into_is_no_place():
    ran_into = (
        "Benutten van bestaande infrastructuur Onderzoeksvraag is of een netwerk, zoals het CCE, benut kan worden."
    )
    assert place_names(ran_into) == set()
    assert place_names("Het netwerk in Helmond is of een voorbeeld.") == {"Helmond"}


def test_a_figure_asked_for_one_year_is_not_given_by_figures_for_others():
    asked = "Hoeveel extra middelen trok het kabinet in 2022 uit voor de Jeugdwet?"
    yearly = "Het kabinet trok extra middelen uit: € 420 mln in 2019, € 300 mln in 2020 en € 300 mln in 2021."
    assert not holds_focus("number", yearly, asked)
    assert holds_focus("number", yearly, asked.replace("2022", "2020"))
    assert holds_focus("number", "Het kabinet trok in 2022 € 500 mln uit.", asked)


def test_none_is_a_count_of_the_things():
    asked = "Hoeveel amendementen zijn er ingediend op het voorstel voor de NvO?"
    assert holds_focus("number", "Er zijn geen amendementen ingediend op het voorstel voor NvO.", asked)
    assert not holds_focus("number", "Er is geen stemming geweest over het voorstel voor NvO.", asked)


def test_a_count_of_a_plural_noun_counts_that_noun_not_what_stands_before_it():
    asked = "Hoeveel professionals vulden de enquête in?"
    voiced = "Om de stem van de Professional te laten horen hebben 15 beroepsverenigingen een enquête uitgevoerd."
    assert not holds_focus("number", voiced, asked)
    assert holds_focus("number", "Het aantal professionals dat de enquête invulde is 300.", asked)
    assert holds_focus("number", "Van de professionals hebben er 300 de enquête ingevuld.", asked)


def test_window_support_adds_three_consecutive_sentences_of_one_passage():
    assert window_support([(0, 0, 0.2), (0, 1, 0.3), (0, 2, 0.1), (1, 0, 0.5)]) == pytest.approx(0.6)
    assert window_support([(0, 0, 0.7), (0, 1, 0.7)]) == 1.0


def test_model_answers_on_evidence_and_never_on_a_meeting_that_does_not_exist():
    model = AnswerabilityModel(weights=tuple(1.0 if f == "support" else 0.0 for f in FEATURES), bias=-0.5)
    assert model.answerable(evidence(support=0.9))
    assert not model.answerable(evidence(support=0.1))
    assert not model.answerable(evidence(support=0.9, date_missing=1.0))
    assert AnswerabilityModel.from_dict(model.as_dict()) == model


def test_shipped_model_is_fitted_and_says_on_what():
    model = load_model()
    assert set(model.features) <= set(FEATURES) and len(model.weights) == len(model.features)
    assert "split A" in model.fitted_on
    weight = dict(zip(model.features, model.weights, strict=True))
    assert weight["focus_share"] > 0 and weight["anchors_missing"] < 0  # holding the focus helps; missing names hurt
    assert model.answerable(evidence(support=1.0, window=1.0, focus=1.0, focus_share=1.0, dense=1.0))
    assert not model.answerable(evidence(anchors_missing=1.0, speaker_missing=1.0))
    # 'hoeveel' answered by a sentence holding no number, while another holds most of the question: refused
    assert not model.answerable(evidence(support=0.8, window=1.0, focus=0.2, focus_share=0.25, dense=1.0))


def test_logistic_fit_separates_and_threshold_balances_the_classes():
    rng = np.random.default_rng(0)
    x = np.vstack([rng.uniform(0.5, 1.0, (40, 2)), rng.uniform(0.0, 0.5, (10, 2))])
    y = np.array([1.0] * 40 + [0.0] * 10)
    weights, bias = fit_logistic(x, y, l2=0.1)
    assert (weights > 0).all()
    p = 1 / (1 + np.exp(-(x @ weights + bias)))
    cut = best_threshold(p, y)
    assert ((p >= cut) == (y == 1)).mean() == 1.0
    rows = [{"features": dict(evidence(support=s, window=s, focus=s, dense=s, focus_share=s).__dict__), "answerable": a}
            for s, a in [(0.9, True), (0.8, True), (0.7, True), (0.2, False), (0.1, False)]]  # fmt: skip
    model = fit_model(rows, fitted_on="test")
    assert all(model.probability(evidence(**r["features"])) >= model.threshold for r in rows if r["answerable"])


def test_an_answer_from_the_catalog_gives_no_row_to_fit_on():
    from types import SimpleNamespace

    from eval.fit import feature_rows

    answers = {"Wat zei de VNG?": {}, "Hoeveel plaatsen?": {"support": 0.5}}  # the first answered from the statements
    index = SimpleNamespace(documents=lambda: [], document=lambda doc_id: None)

    def answer(question, history=()):
        return SimpleNamespace(features=answers.get(question, {"support": 0.1}))  # a near-miss: some evidence

    fake = SimpleNamespace(index=index, people=lambda: set(), answer=answer)
    items = [{"id": f"x-{n}", "question": q, "kind": "factoid"} for n, q in enumerate(answers, start=1)]
    rows, _ = feature_rows(fake, items)
    assert [r["id"] for r in rows] == ["x-2"]


def test_splits_alternate_by_item_number():
    assert [split_of(i) for i in ("dev-01", "dev-02", "pos-11", "dev-02~date")] == ["A", "B", "A", "B"]


def test_near_misses_move_the_day_and_swap_the_people():
    documents = [META, DocMeta("d2", "nota", "Nota", "bundel.pdf", 1, 2, "BO Rijk-VNG", dt.date(2020, 2, 2))]
    item = {"id": "x-1", "kind": "position", "meeting_date": "2020-01-30",
            "question": "Wat zei wethouder Eerenberg van de VNG op 30 januari 2020 over de norm?"}  # fmt: skip
    moved = shift_date(item, documents)
    assert moved["kind"] == "unanswerable" and "2 februari" not in moved["question"]
    assert "30 januari" not in moved["question"] and "januari 2020" in moved["question"]
    made = near_misses([item], documents, lambda d: "Dhr. Eerenberg en de VNG over de norm", {"Eerenberg", "Laterveer"})
    assert {m["how"] for m in made} == {"date", "person", "organisation", "amount"}
    assert next(m for m in made if m["how"] == "amount")["question"].endswith("om hoeveel geld ging het daarbij?")
    priced = dict(item, sources=[{"quote": "De VNG vraagt € 300 miljoen extra."}])
    assert "amount" not in {m["how"] for m in near_misses([priced], documents, lambda d: "", set())}
    person = next(m for m in made if m["how"] == "person")
    assert "Laterveer" in person["question"] and "Eerenberg" not in person["question"]


def test_compose_brings_the_items_a_line_introduces_and_opens_with_the_best_passage():
    intro = passage("Dhr. Dekker geeft aan dat er twee zaken spelen:\nSchaalgrootte van de regio's (7 vs 12).\n"
                    "Coördinatie versus inkoop: wat is je aangrijpingspunt?", "c1")  # fmt: skip
    other = passage("De nota adviseert om de norm te steunen en het gesprek voort te zetten.", "c2")
    chosen = [
        Sentence("Dhr. Dekker geeft aan dat er twee zaken spelen:", 1, 0, 0.8, 1.2, 0.8),
        Sentence("De nota adviseert om de norm te steunen en het gesprek voort te zetten.", 0, 0, 0.5, 0.6, 0.5),
    ]
    text, quotes = compose(chosen, [other, intro])
    assert text.startswith("Volgens het verslag van het BO Rijk-VNG van 30 januari 2020: Dhr. Dekker")
    assert "7 vs 12" in text and "inkoop" in text
    assert [rank for rank, _ in quotes] == [1, 0]
    themes = passage("Het OZJ richt zich op onderstaande vijf thema's:\n" + "\n".join(
        f"• thema nummer {n} van de basis op orde" for n in ("een", "twee", "drie", "vier", "vijf")), "c3")  # fmt: skip
    text, _ = compose([Sentence("Het OZJ richt zich op onderstaande vijf thema's:", 0, 0, 0.8, 1.2, 0.8)], [themes])
    assert "thema nummer vijf" in text  # the line says five follow: all five, not the usual four
    items = ["Ontwikkelen vangnetregeling", "Foto zorglandschap", "Verkenning Early Warning Systeem"]
    heading = passage("\n".join(["Korte termijn resultaten", *items]), "c4")
    opened = [Sentence("Korte termijn resultaten", 0, 0, 0.8, 1.2, 0.8)]
    text, _ = compose(opened, [heading], question="Welke resultaten op korte termijn zijn er?")
    assert "vangnetregeling" in text and "Early Warning" in text  # a heading naming what is asked: its items
    text, _ = compose(opened, [heading], question="Welk resultaat op korte termijn is er?")
    assert "Early Warning" not in text  # one asked for: not the whole list


def test_a_meeting_named_on_a_day_no_overleg_met_is_not_held_though_a_nota_was_written_then():
    from assistant.answer.held import date_not_held
    from assistant.answer.question import read_question
    from assistant.answer.retrieve import Retrieval

    nota = DocMeta("n1", "nota", "Nota", "bundel.pdf", 1, 2, "BO Rijk-VNG", dt.date(2019, 11, 28),
                   document_date=dt.date(2019, 11, 12))  # fmt: skip
    documents = [nota, META]
    written = Passage("c1", nota, "Den Haag, 12 november 2019. Over de gezinshuizen is akkoord gegeven.", "", (1,))

    def held(question: str, passages=(written,)) -> bool:
        return not date_not_held(Retrieval(list(passages), read_question(question)), documents, question)

    assert not held("Wat besloot het BO Rijk-VNG van 12 november 2019 over de gezinshuizen?")
    assert held("Wat adviseerde de nota voor het BO Rijk-VNG van 28 november 2019 over de gezinshuizen?")
    assert held("Wat stond in de nota van 12 november 2019 over de gezinshuizen?")  # a document, not an overleg
    deadline = Passage("c5", META, "De wet moet voor eind 2021 zijn aangepast.", "", (3,))
    assert held("Wat moet er voor eind 2021 zijn aangepast?", (deadline,))  # a deadline a document sets
    assert not held("Wat besloot het BO eind 2021?", (deadline,))  # but nothing was decided then
    assert not held("Wat gebeurde er in het najaar van 2021?", (written,))  # nor is it in any document
    october = DocMeta("n3", "nota", "Nota", "bundel.pdf", 8, 8, "BO Rijk-VNG", dt.date(2020, 10, 7))
    announced = Passage("c4", october, "Op 9 december vindt het volgende BO met de VNG plaats.", "", (8,))
    assert held("Welk overleg vindt op 9 december 2020 plaats?", (announced,))  # the documents announce it
    session = Passage("c9", october, "10-11 februari 2020 vindt een 24-uursessie plaats in Vinkeveen.", "", (8,))
    assert held("Waar vond de 24-uursessie van 10-11 februari 2020 plaats?", (session,))  # a range names its days
    assert held("Waar was de sessie van 11 februari 2020?", (session,))  # its second day too
    assert not held("Wat besloot het BO Rijk-VNG van 9 december 2020?", (announced,))  # but record nothing of it
    assert not held("Wat leverde het BO Rijk-VNG van 9 december 2020 op?", (announced,))  # nor how it turned out
    assert not held("Wat besprak de stuurgroep op 9 december 2020?", (announced,))  # nor what was discussed
    after = Passage("c8", META, "De contracten zijn niet toereikend voor het werk na 1 juli op 1,5 meter.", "", (3,))
    assert held("Wat vond Spigt van de zorg na 1 juli 2020?", (after,))  # the day bounds what was said about
    assert not held("Wat zei Spigt op 1 juli 2020?", (after,))  # said that day: no document records it
    review = DocMeta("v4", "verslag", "Verslag", "bundel.pdf", 6, 7, "BO Rijk-VNG", dt.date(2020, 6, 24))
    looked_back = Passage("c6", review, "Terugblik AO 23 juni: veel vragen over Hoenderloo.", "", (6,))
    assert held("Wat zei Dekker in het AO van 23 juni 2020?", (looked_back,))  # a later verslag records it
    january = DocMeta("n2", "nota", "Nota", "bundel.pdf", 5, 5, "BO Rijk-VNG", dt.date(2020, 1, 30))
    december = Passage("c7", january, "Op 17 december heeft het OZJ een eerste schets gepresenteerd.", "", (5,))
    assert held("Wat liet het OZJ in december 2019 zien?", (december,))  # a nota of January looks back on it
    plans = Passage("c3", META, "Voor 2021 wil de VNG de gezinshuizen uitbreiden.", "", (3,))
    assert held("Wat schreef men over de gezinshuizen in 2021?", (plans,))  # a plan for 2021, written in 2020
    assert not held("Wat zei de VNG in 2021 over de gezinshuizen?", (plans,))  # said in 2021: no document then
    assert not held("Wat werd er in 2021 afgesproken over de gezinshuizen?", (plans,))  # nor decided
    assert held("Wat werd er afgesproken over de jaren vanaf 2021?", (plans,))  # agreed before about the years after
    summer = Passage("c10", META, "Door Jeugdzorg NL is (zomer 2019) een puntenmanifest opgesteld.", "", (3,))
    assert held("Welk puntenmanifest stelde Jeugdzorg Nederland in de zomer van 2019 op?", (summer,))  # recorded
    assert not held("Welk puntenmanifest stelde Jeugdzorg Nederland in de zomer van 2018 op?", (summer,))
    heidag = Passage("c2", META, "De VNG-heidag op 12 november ging over de gezinshuizen.", "", (3,))
    assert held("Wat besprak de bijeenkomst van 12 november 2019?", (written, heidag))  # mentioned elsewhere
    assert not held("Wat besprak de bijeenkomst van 12 november 2020?", (written, heidag))  # but 2019's
    memo = Passage("c11", META, "In bijlage A vindt u een memo met de stand van denken van 27 januari.", "", (3,))
    assert not held("Wat vond de VNG in het BO van 27 januari 2020 van de norm?", (memo,))  # a memo's day: no BO
    wgo = Passage("c9", nota, "Terugblik WGO 18 november 2019. Het WGO op 18 november ging over de tarieven.", "", (1,))
    assert held("Wat zei de VNG in het WGO van 18 november 2019?", (wgo,))
    assert not held("Wat bespraken VWS en VNG in het BO van 18 november 2020?", (wgo,))  # another year's day
    assert not held("Wat bespraken VWS en VNG in het BO van 8 november 2019?", (wgo,))  # and not the 8th


def test_what_was_said_at_a_named_meeting_is_read_from_that_meeting_only():
    from assistant.answer.assistant import _on_the_named_day
    from assistant.answer.question import read_question
    from assistant.answer.retrieve import Retrieval

    feb13 = DocMeta("v2", "verslag", "Verslag", "bundel.pdf", 9, 9, "BO Rijk-VNG", dt.date(2020, 2, 13))
    other = DocMeta("v3", "verslag", "Verslag", "bundel.pdf", 8, 8, "BO Zorg voor de Jeugd", dt.date(2020, 2, 13))
    written = DocMeta("v1", "verslag", "Verslag", "bundel.pdf", 4, 5, "BO Rijk-VNG-BGZJ", dt.date(2020, 1, 30),
                      document_date=dt.date(2020, 2, 13))  # fmt: skip
    said = "De VNG vindt de norm goed."
    passages = [Passage(f"c{i}", m, said, "", (1,)) for i, m in enumerate((written, other, feb13))]

    def kept(question: str) -> list[str]:
        retrieval = _on_the_named_day(Retrieval(passages, read_question(question)), question)
        return [p.meta.doc_id for p in retrieval.passages]

    assert kept("Wat vond de VNG in het BO Rijk-VNG van 13 februari 2020 van de norm?") == ["v2"]
    assert kept("Wat vond de VNG op 13 februari 2020 van de norm?") == ["v3", "v2"]  # not the verslag written then
    assert kept("Wat stond er op 13 februari 2020 over de norm?") == ["v1", "v3", "v2"]  # not what was said: all


def test_what_was_said_at_a_meeting_with_a_verslag_is_not_answered_from_its_nota():
    from assistant.answer.held import said_elsewhere
    from assistant.answer.question import read_question

    verslag = DocMeta("v", "verslag", "Verslag", "bundel.pdf", 9, 9, "BO Rijk-VNG", dt.date(2020, 6, 24))
    nota = DocMeta("n", "nota", "Nota", "bundel.pdf", 7, 8, "BO Rijk-VNG", dt.date(2020, 6, 24))
    advice = Passage("c1", nota, "U kunt bij de VNG informeren hoe het staat met het bericht.", "", (7,))
    minutes = Passage("c2", verslag, "Dhr. Eerenberg: het bericht komt na de zomer.", "", (9,))
    asked = "Wat antwoordde de VNG in het BO van 24 juni 2020 over het bericht?"

    def elsewhere(question: str, best: list[Passage], documents=(verslag, nota)) -> bool:
        return said_elsewhere(question, read_question(question), list(documents), best)

    assert elsewhere(asked, [advice])
    assert not elsewhere(asked, [advice, minutes])
    assert not elsewhere(asked, [advice], documents=(nota,))  # no verslag: a rule of its own (date_not_held)
    assert not elsewhere("Wat adviseerde de nota voor het BO van 24 juni 2020 over het bericht?", [advice])
    assert not elsewhere("Wat antwoordde de VNG in juni 2020 over het bericht?", [advice])  # no day named


def test_a_list_of_participants_running_on_into_the_text_seats_no_tweede_kamer():
    from assistant.answer.speakers import attendees

    nota = "Deelnemers overleg\nVNG Eelco Eerenberg Wethouder\nDe brief gaat naar de Tweede Kamer (Tweede Kamerbrief)."
    assert attendees(nota) == {"VNG": {"Eerenberg"}}
    asked = "Wat wilde de minister in de brief aan de Tweede Kamer opnemen?"
    assert speaker_missing(asked, ["De minister wil een AMvB reële prijs regelen."], {"Eerenberg"}) == 0.0


def test_someone_the_verslag_lists_as_absent_did_not_speak_there():
    from assistant.answer.held import not_among_speakers
    from assistant.answer.question import read_question
    from assistant.answer.speakers import absentees

    verslag = DocMeta("v", "verslag", "Verslag", "bundel.pdf", 9, 9, "BO Rijk-VNG", dt.date(2020, 2, 13))
    text = "Aanwezig VNG Eelco Eerenberg Minister van VWS 10.2.e Afwezig Leon Meijer, Sven de Langen, 10.2.e\n1 Opening"
    assert absentees(text) == {"Meijer", "Langen"}
    # a sentence about him in another's turn reads like his own: 'Dhr. Meijer gaat aan de slag ...'
    spoken = {
        "v": [
            ("Dhr. Meijer gaat aan de slag met zijn GI.", "Meijer", "VNG"),
            ("Dhr. Eerenberg: nee.", "Eerenberg", "VNG"),
        ]
    }
    asked = "Wat zei Meijer in het BO van 13 februari 2020 over de terugkeerders?"

    def unheard(absent) -> str:
        return not_among_speakers(asked, read_question(asked), [verslag], spoken, {"Meijer"}, absent)

    assert unheard(lambda doc_id: set()) == ""
    assert unheard(lambda doc_id: absentees(text)) == "Meijer"


def test_what_someone_said_at_a_meeting_only_mentioned_is_not_recorded():
    from assistant.answer.held import heard_nowhere
    from assistant.answer.question import read_question

    nota = DocMeta("n", "nota", "Nota", "bundel.pdf", 7, 8, "BO Rijk-VNG", dt.date(2020, 1, 30))
    later = Passage("c1", nota, "Op 15 november 2019 sprak u met collega Dekker informeel met de VNG.", "", (7,))
    elsewhere = Passage("c2", nota, "Mevr. Rabarison geeft aan dat er een opdracht ligt.", "", (8,))

    def unheard(question: str, documents=(nota,)) -> str:
        return heard_nowhere(question, read_question(question), list(documents), [later, elsewhere], {"Rabarison"})

    assert unheard("Wat zei Rabarison tijdens het informele overleg op 15 november 2019?") == "Rabarison"
    assert unheard("Wat zei de VNG tijdens het informele overleg op 15 november 2019?") == ""  # it names the VNG
    assert unheard("Wat zei Rabarison in het BO van 30 januari 2020?") == ""  # a meeting the dossier has
    assert unheard("Wie sprak op 15 november 2019 met de VNG?") == ""  # not what anyone said


def test_a_reply_the_verslag_does_not_record_is_not_answered_by_what_it_replies_to():
    from assistant.answer.held import reply_unrecorded

    explained = "Dhr. De Jonge: We moeten goed toelichten waarom we een kan-bepaling willen."
    statements = [
        (explained, "Jonge", "VWS"),
        ("Mw. de Koning: We zien regio's waar het goed gaat.", "Koning", "BGZJ"),
        ("10.2.e licht toe dat het wetsvoorstel voorziet in drie delen.", "(10.2.e)", ""),
    ]
    asked = "Wat antwoordde Eerenberg op de uitleg van De Jonge over de kan-bepaling?"
    known = {"Eerenberg", "Jonge", "Koning"}
    assert reply_unrecorded(asked, explained, statements, known) == "Eerenberg"
    replied = [*statements[:2], ("Dhr. Eerenberg: dat gaat ons te ver.", "Eerenberg", "VNG")]
    assert reply_unrecorded(asked, explained, replied, known) == ""  # his turn follows
    assert reply_unrecorded("Wat antwoordde de VNG op de uitleg van De Jonge?", explained, replied, known) == ""
    reported = "10.2.e over het AO: Minister Eerenberg gaf aan de urgentie te voelen."
    assert reply_unrecorded(asked, reported, [(reported, "(10.2.e)", "")], known) == ""  # his words, reported
    assert reply_unrecorded("Wat zei Eerenberg over de kan-bepaling?", explained, statements, known) == ""  # no reply


def test_agreements_still_to_be_made_leave_what_was_agreed_open():
    asked = "Welke afspraken maakten Rijk en partijen over het vervolg op de pilots?"
    assert asks_outcome(asked) and asks_outcome("Wat werd er op 30 januari afgesproken over de offerte?")
    later = "Over het vervolg op de pilots worden nog separate afspraken gemaakt tussen Rijk en betrokken partijen."
    assert leaves_open(asked, later)
    assert not leaves_open(asked, "Afspraak: de VNG zal de pilots tot 1 januari voortzetten.")  # agreed: done
    assert not leaves_open(asked, "De pilots lopen tot 1 juli.")
    cycle = "Welke afspraak maakten de BGZJ en VWS over een vaste cyclus van overleggen?"  # one agreement asked
    wished = "Wil graag een cyclus afspreken, 10.2.e belooft te kijken naar een goed moment om elkaar te spreken."
    assert asks_outcome(cycle) and leaves_open(cycle, wished)  # wished for, not agreed
    assert not leaves_open(cycle, "Afspraak: partijen spreken elkaar elk kwartaal.")


def test_a_place_named_by_its_adjective_is_held_by_the_place():
    amsterdam = passage("In Amsterdam werken medewerkers samen in één integraal team.")
    assert anchors_missing("Hoe werken de medewerkers in de Amsterdamse pilot samen?", [amsterdam]) == 0.0
    assert anchors_missing("Hoe werken de medewerkers in de Rotterdamse pilot samen?", [amsterdam]) == 1.0


def test_how_someone_was_called_asks_for_a_name_and_a_title_in_quotes_gives_one():
    journalist = "Hoe heette de RTL-journalist die de domeinnaam van Kenter opkocht?"
    assert question_focus(journalist) == "name"
    assert not holds_focus("name", "Journalist RTL heeft verlopen domeinnaam van Kenter opgekocht.", journalist)
    assert holds_focus("name", "De journalist Piet Jansen kocht de domeinnaam.", journalist)
    title = "Hoe heet de publicatie met hun verhalen?"
    assert holds_focus("name", "Hun verhalen staan in de onlangs verschenen publicatie ‘Nu ik groot ben’.", title)
    assert not holds_focus("name", "Hun verhalen zijn opgetekend in een publicatie.", title)
    termed = "Hoe heet de verplichting om te gunnen op de economisch meest voordelige inschrijving?"
    assert holds_focus("name", "Gunning kan alleen op die basis, de zogenoemde emvi-verplichting.", termed)
    assert not holds_focus("name", "Gunning kan alleen op die basis; dat is een verplichting.", termed)
    who_said = "Wie vond in het BO van 8 juni 2020 dat er een onafhankelijke partij nodig is?"  # who holds the view
    assert holds_focus("name", "Dhr. Dekker: Er is een onafhankelijke partij nodig.", who_said)
    assert not holds_focus("name", "Er is een onafhankelijke partij nodig.", who_said)
    backed = "Wie ondersteunde namens de beroepsverenigingen het pleidooi van mevrouw Molenaar?"  # on behalf of a body
    assert holds_focus("name", "Dhr. Popma: Vanuit de beroepsverenigingen ondersteunen we dit pleidooi.", backed)
    assert not holds_focus("name", "Vanuit de beroepsverenigingen ondersteunen we dit pleidooi.", backed)
    assert not holds_focus("name", "Dhr. Dekker: Er is een onafhankelijke partij nodig.", "Wie wordt de partij?")


def test_a_person_who_speaks_but_never_of_what_is_asked_is_silent_on_it():
    spoken = {"d1": [("Mevr. Rabarison vraagt naar de tuchtrechtangst van de professional.", "Rabarison", "LOC")]}
    terms = {"wrap": 6.0, "around": 6.0, "care": 6.0, "ali": 3.0, "rabarison": 2.9}
    wrap = "Wat zei Ali Rabarison over wrap around care?"
    assert silent_on(wrap, speakers_asked(wrap, {"Ali", "Rabarison"}), terms, spoken) == "Rabarison"
    angst = {"tuchtrechtangst": 5.0, "rabarison": 2.9}
    assert silent_on("Wat vroeg Rabarison over de tuchtrechtangst?", ["Rabarison"], angst, spoken) == ""
    assert silent_on("Hoe reageerde Rabarison op wrap around care?", ["Rabarison"], terms, spoken) == ""  # a reply
    assert silent_on("Wat zei Popma over wrap around care?", ["Popma"], terms, spoken) == ""  # never speaks at all


def test_a_full_name_asked_about_is_heard_by_its_surname():
    from assistant.answer.evidence import speaker_missing

    asked = "Welke partner noemde Paul van Dijk uit Utrecht?"  # 'van' a particle of his name, not 'of Dijk'
    turn = "Paul van Dijk (Utrecht): Utrecht heeft sterk ingezet op samenwerking."
    assert speaker_missing(asked, [turn, "Een van deze partners is Bureau Jeugdzorg."]) == 0.0
    assert speaker_missing(asked, ["Mevr. Jansen (Utrecht): Utrecht werkt samen."]) == 1.0


def test_neither_a_title_nor_the_meeting_named_is_what_a_person_is_asked_about():
    spoken = {"v1": [("Dhr. Meijer: de VNG wil dat aanbieders de wachtlijsten delen.", "Meijer", "VNG")]}
    terms = {"dhr": 2.0, "meijer": 2.4, "rijk": 0.6, "vng": 0.6, "omzetgarantie": 3.6}
    asked = "Wat zei dhr. Meijer in het BO Rijk-VNG van 30 januari 2020 over de omzetgarantie?"
    assert speakers_asked(asked) == ["Meijer"]  # the name after 'dhr.' opens no sentence
    assert silent_on(asked, ["Meijer"], terms, spoken, ["BO Rijk-VNG"]) == "Meijer"
    assert silent_on(asked, ["Meijer"], terms, spoken) == ""  # 'VNG' then counts as what he is asked about
    waits = "Wat zei dhr. Meijer in het BO Rijk-VNG over de wachtlijsten?"
    assert silent_on(waits, ["Meijer"], {**terms, "wachtlijst": 4.0}, spoken, ["BO Rijk-VNG"]) == ""


def test_a_question_asking_whatever_someone_said_at_a_meeting_finds_them_never_silent():
    spoken = {"v1": [("Mevr. Rabarison vraagt naar de tuchtrechtangst van de professional.", "Rabarison", "MIND")]}
    terms = {"vroeg": 2.2, "rabarison": 4.0, "13": 1.5, "februari": 1.0, "2020": 0.5, "tuchtrecht": 4.0}
    asked = "Waar vroeg mevrouw Rabarison naar in het BO Zorg voor de Jeugd van 13 februari 2020?"
    assert silent_on(asked, ["Rabarison"], terms, spoken, ["BO Zorg voor de Jeugd"]) == ""
    other = "Wat vroeg mevrouw Rabarison in het BO van 13 februari 2020 over het tuchtrecht?"
    assert silent_on(other, ["Rabarison"], terms, {"v1": [("Mevr. Rabarison: over pgb.", "Rabarison", "MIND")]}) == (
        "Rabarison"
    )


def test_what_someone_said_at_a_named_meeting_is_read_from_that_meetings_verslag():
    from assistant.answer.held import said_that_day
    from assistant.answer.question import read_question

    january = DocMeta("v1", "verslag", "Verslag", "bundel.pdf", 4, 5, "BO Rijk-VNG-BGZJ", dt.date(2020, 1, 30))
    june = DocMeta("v2", "verslag", "Verslag", "bundel.pdf", 9, 10, "BO Rijk-VNG-BGZJ", dt.date(2020, 6, 8))
    spoken = {"v1": [("Dhr. Van Hoek: Norm: goed idee, maar dat duurt lang.", "Hoek", "BGZJ")],
              "v2": [("Dhr. van Hoek licht de zorg in een kinderdienstencentrum toe.", "Hoek", "BGZJ")]}  # fmt: skip
    terms = {"norm": 5.0, "opdrachtgeverschap": 6.0, "hoek": 2.0}
    june_8 = "Wat vond Van Hoek in het BO van 8 juni 2020 van de Norm voor Opdrachtgeverschap?"
    heard = said_that_day(read_question(june_8), [january, june], spoken)
    assert list(heard) == ["v2"] and silent_on(june_8, ["Hoek"], terms, heard) == "Hoek"  # not of the norm then
    anytime = "Wat vond Van Hoek van de Norm voor Opdrachtgeverschap?"
    assert said_that_day(read_question(anytime), [january, june], spoken) == spoken  # no day named: all verslagen
    no_verslag = "Wat vond Van Hoek op 6 november 2019 van de Norm voor Opdrachtgeverschap?"
    assert said_that_day(read_question(no_verslag), [january, june], spoken) == spoken  # left to date_not_held
    from assistant.answer.assistant import _as_asked  # the refusal note names them as the question does

    assert _as_asked(june_8, "Hoek") == "Van Hoek" and _as_asked("Wat vond mevrouw de Koning?", "Koning") == "De Koning"
    assert _as_asked("Wat zei Dekker?", "Dekker") == "Dekker"


def test_things_counted_of_a_group_are_counted_by_a_sentence_naming_the_group():
    asked = "Hoeveel reacties van gemeenten kwamen er binnen in de consultatie van het wetsvoorstel?"
    assert not holds_focus("number", "In de consultatie hebben we 274 reactie ontvangen op het wetsvoorstel.", asked)
    assert holds_focus("number", "Van de gemeenten kwamen 40 reacties op het wetsvoorstel.", asked)
    parts = "In hoeveel delen van het land komt een expertisecentrum?"
    assert holds_focus("number", "In 8 landsdelen wordt een expertisecentrum opgericht.", parts)  # a compound of it
    assert holds_focus("number", "In de consultatie hebben we 274 reacties ontvangen.", "Hoeveel reacties kwamen er?")


def test_an_age_range_is_no_count():
    asked = "Hoeveel jongeren zijn via de gebiedsgerichte aanpak begeleid naar woonruimte?"
    assert not holds_focus("number", "Het gaat om kwetsbare jongeren (16-27 jaar) en om wonen.", asked)
    assert not holds_focus("number", "Het gaat om jongeren van 16 tot 27 jaar en om wonen.", asked)
    assert holds_focus("number", "Zo zijn 120 jongeren begeleid naar woonruimte.", asked)


def test_money_asked_for_good_is_not_given_by_money_given_once():
    asked = "Hoeveel structurele middelen kwamen er bij voor de vastgoedtransitie van JeugdzorgPlus?"
    once = "Per Voorjaarsnota zijn in 2020 extra incidentele middelen ter hoogte van € 33,5 mln. beschikbaar."
    assert not holds_focus("number", once, asked)
    assert holds_focus("number", "Er komt structureel € 10 mln. bij, naast € 33,5 mln. incidenteel.", asked)
    assert not holds_focus("number", "Er komt structureel € 10 mln. bij.", "Hoeveel eenmalig extra geld kwam er?")
    assert holds_focus("number", once, "Hoeveel extra incidentele middelen kwamen er beschikbaar?")


def test_kamerleden_are_people_asked_for_and_no_name_asked_about():
    asked = "Van welke Kamerleden kwamen de moties over de stapeling van klacht- en tuchtprocedures?"
    motions = "In de moties van de leden Tielen en Peters en Peters en Wörsdorfer is de regering verzocht te bezien."
    assert "Kamerleden" not in anchors(asked)  # a common noun, written capitalised: not a name to be found
    assert question_focus(asked) == "name"
    assert holds_focus("name", motions, asked)
    assert not holds_focus("name", "Afbakening jeugdhulpplicht.", asked)


def test_who_chaired_is_not_answered_by_anyone_named():
    asked = "Wie zat de Ronde Tafel over klacht- en tuchtprocedures voor?"
    assert not holds_focus("name", "In de moties van de leden Tielen en Peters is de regering verzocht.", asked)
    assert holds_focus("name", "De Ronde Tafel werd voorgezeten door mevrouw Jansen.", asked)
    led = "Onder leiding van wie stond de tijdelijke werkgroep sociale impact van het coronavirus?"
    assert holds_focus("name", "De werkgroep stond onder leiding van burgemeester Halsema.", led)
    assert not holds_focus("name", "Het advies van de werkgroep kwam van burgemeester Halsema.", led)
    assert holds_focus("name", "Het advies kwam van dhr. Jansen.", "Wie zat er in de werkgroep?")  # members


def test_what_a_gathering_that_was_called_off_decided_is_left_open():
    asked = "Wat besloot de ALV van de VNG in juni 2020 over de norm voor opdrachtgeverschap?"
    nota = "U kunt VNG vragen naar de NvO. Vanwege corona gaat de ALV van de VNG in juni niet door, maar in september."
    assert called_off(asked, [nota])
    assert not called_off(asked, ["De ALV van de VNG stemde in juni in met de NvO."])
    other_day = "Het formele BO van 25 maart werd vanwege de coronacrisis geannuleerd."
    assert not called_off("Wat zei de VNG in het BO van 24 juni 2020 over de keten?", [other_day])
    assert called_off("Wat zei de VNG in het BO van 25 maart 2020 over de keten?", [other_day])
    assert not called_off("Wanneer vindt de ALV plaats?", [nota])  # asks no decision


def test_who_sat_in_a_body_no_passage_names_is_left_open():
    asked = "Welke partijen zaten in de klankbordgroep voor de expertisecentra?"
    nota = "Verschillende partijen zoals Jeugdzorg Nederland en GGZ willen meer betrokken worden bij de centra."
    assert members_unseen(asked, [nota])
    assert not members_unseen(asked, ["In de klankbordgroep zitten Jeugdzorg Nederland en GGZ Nederland."])
    table = "Welke kennisinstellingen namen deel aan de Rondetafel Jeugd GGZ van 8 maart 2018?"
    assert not members_unseen(table, ["Verslag Rondetafel Jeugd GGZ\nDeelnemers Kennisinstellingen: Trimbos."])
    assert not members_unseen("Welke partijen werken mee aan de expertisecentra?", [nota])  # asks no members


def test_the_wmo_2015_names_a_law_and_dates_nothing():
    from assistant.answer.evidence import planned_instead

    asked = "Wanneer is de AMvB reële tarieven voor de Jeugdwet vastgesteld?"
    law = "De grondslag voor deze AMvB is onderdeel van het wetsvoorstel 'Verantwoord inkopen Jeugdwet en Wmo 2015'."
    aim = "Het streven is om de AMvB in werking te laten treden per 1 april 2021."
    ranked = [Sentence(law, 0, 0, 0.6, 0.6, 0.6), Sentence(aim, 0, 1, 0.4, 0.4, 0.4)]
    assert planned_instead(asked, ranked, [dt.date(2020, 3, 20)]) is ranked[1]
    done = "De AMvB is in 2015 vastgesteld."
    assert planned_instead(asked, [Sentence(done, 0, 0, 0.6, 0.6, 0.6), ranked[1]], [dt.date(2020, 3, 20)]) is None


def test_an_agreement_laid_down_is_a_decision_asked():
    from assistant.answer.question import read_question

    laid_down = "Welke afspraak over de maximumleeftijd in gezinshuizen werd in de week van 9 december 2019 vastgelegd?"
    assert read_question(laid_down).asks_decision
    assert read_question("Welke procesafspraken maakten Rijk en VNG?").asks_decision
    assert not read_question("Welke afspraak over gezinshuizen lag er voor?").asks_decision


def test_a_body_whose_position_is_asked_must_be_heard_in_what_comes_closest():
    letter = DocMeta("k1", "kamerbrief", "Kamerbrief", "brief.pdf", 20, 24, None, None, dt.date(2020, 3, 20))
    emvi = "Op dit moment verplichten de Jeugdwet en de Wmo 2015 bij aanbestedingen de emvi-verplichting."
    asked = "Wat vond de BGZJ van de emvi-verplichting bij aanbestedingen?"
    in_letter = Passage("k1-1", letter, emvi, "3.3", (24,))
    assert body_unheard(asked, [(emvi, in_letter)], {}, set()) == "BGZJ"
    assert body_unheard("Wat vond VWS van de emvi-verplichting?", [(emvi, in_letter)], {}, set()) == ""  # its word
    said = "Kies een subsidierelatie voor de GI's."
    spoken = {"d1": [(said, "Spijt", "BGZJ")]}
    assert body_unheard(asked, [(said, passage(said))], spoken, set()) == ""  # Spijt speaks for the BGZJ
    assert body_unheard(asked, [(said, passage(said))], {"d1": [(said, "Jonge", "VWS")]}, set()) == "BGZJ"
    assert body_unheard(asked, [(said, passage(said))], {}, set()) == ""  # a verslag's line no one is recorded for
    assert body_unheard("Wat vond Spijt van de emvi-verplichting?", [(emvi, in_letter)], {}, {"Spijt"}) == ""


def test_a_nota_that_gives_a_line_as_the_bodys_inbreng_has_heard_the_body():
    nota = DocMeta("n1", "nota", "Nota BO", "bundel.pdf", 14, 15, None, dt.date(2019, 11, 6), dt.date(2019, 11, 5))
    point = "Doelmatigheid legt te veel nadruk op geld."
    theirs = f"Mogelijke inbreng VNG\n• Van ambtelijk VNG begrepen we dat de VNG dit inbrengt:\n• {point}"
    reply = f"{theirs}\nUw reactie op mogelijke inbreng VNG\n• {point.replace('geld', 'kosten')}"
    asked = "Waarom vond de VNG doelmatigheid geen goede term?"
    assert body_unheard(asked, [(point, Passage("n1-1", nota, theirs, "4", (14,)))], {}, set()) == ""
    answered = point.replace("geld", "kosten")  # under the minister's reply, not the VNG's word
    assert body_unheard(asked, [(answered, Passage("n1-1", nota, reply, "4", (14,)))], {}, set()) == "VNG"


def test_a_count_so_far_is_not_what_it_came_to_in_the_end():
    asked = "Hoeveel gemeenten hebben zich uiteindelijk voor de regeling voor Kindertelefoon ingeschreven?"
    so_far = "Van de 388 gemeenten hebben inmiddels 320 zich ingeschreven voor de nieuwe regeling."
    assert leaves_open(asked, so_far)
    assert not leaves_open(asked, "Uiteindelijk hebben 380 gemeenten zich ingeschreven voor de nieuwe regeling.")
    assert not leaves_open("Hoeveel gemeenten hebben zich ingeschreven voor de regeling?", so_far)  # no 'in the end'


def test_an_adjective_or_a_programme_is_no_first_name():
    from assistant.answer.speakers import full_names

    presented = (
        "De onderzoekers presenteerden de resultaten van de evaluatie van de Jeugdwet, gevolgd door een toelichting op "
        "het Actieprogramma Kindermishandeling & Huiselijk Geweld."
    )
    assert full_names(presented) == set()
    assert full_names("U kunt Cathalijne Dortmans welkom heten.") == {"Dortmans"}
    asked = "Wie presenteerde namens de onderzoekers de evaluatie op de landelijke rondetafel van 12 februari 2018?"
    assert not holds_focus("name", presented, asked)


def test_a_meeting_recorded_only_as_having_taken_place_records_nothing_said_there():
    from assistant.answer.held import date_not_held
    from assistant.answer.question import read_question
    from assistant.answer.retrieve import Retrieval

    january = DocMeta("n2", "nota", "Nota", "bundel.pdf", 5, 5, "BO Rijk-VNG", dt.date(2020, 1, 30))
    met = Passage("c9", january, "Op 15 november 2019 sprak u samen met collega Dekker informeel met de VNG.", "", (5,))
    about = Passage("c10", january, "Op 15 november 2019 sprak u met de VNG over de jeugdbescherming.", "", (5,))

    def held(question: str, passage: Passage) -> bool:
        return not date_not_held(Retrieval([passage], read_question(question)), [january, META], question)

    asked = "Wat besprak de minister op 15 november 2019 met de VNG in Utrecht?"
    assert not held(asked, met)  # that they met is recorded, not what they discussed
    assert held(asked, about)  # the sentence says what about
    assert held("Met wie sprak de minister op 15 november 2019 in Utrecht?", met)  # asks who, not what was said


def test_when_something_was_done_in_the_past_tense_is_not_given_by_a_season_still_to_come():
    asked = "Wanneer bracht het expertiseteam van de VNG zijn advies over de jeugdhulpplicht uit?"
    letter = "Zoals aangekondigd, brengt een expertiseteam van de VNG dit voorjaar advies uit over de jeugdhulpplicht."
    assert only_planned(asked, letter, dt.date(2020, 3, 20))
    assert not only_planned("Wanneer brengt het expertiseteam zijn advies uit?", letter, dt.date(2020, 3, 20))
    assert not only_planned("Wanneer wilde het expertiseteam advies uitbrengen?", letter, dt.date(2020, 3, 20))
    assert not only_planned(asked, "Het expertiseteam bracht in mei advies uit.", dt.date(2020, 3, 20))


def test_what_was_chosen_is_an_outcome_a_sentence_on_possible_scenarios_leaves_open():
    asked = "Welk toekomstscenario koos het kabinet eind 2020 voor de jeugdbescherming?"
    assert asks_outcome(asked)
    assert leaves_open(asked, "Daarbij is het voorstel dat VNG en VWS als gezamenlijk opdrachtgever zullen opereren.")
    assert not leaves_open(asked, "Het kabinet koos voor het scenario met regionale expertise.")
