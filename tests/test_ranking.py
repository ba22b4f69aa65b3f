"""Boosting, sentence ranking and composing on small hand-made passages: fast, no index, no model."""

import datetime as dt
from dataclasses import replace

import pytest

from assistant.answer.evidence import speaking
from assistant.answer.extractive import (
    QuestionCues,
    answer_type_bonus,
    choose,
    compose,
    rank_sentences,
    sentences_of,
)
from assistant.answer.question import read_question
from assistant.answer.retrieve import _boost, _keep_best, _spread_duplicates
from assistant.core.config import CONFIG
from assistant.core.text import tokenize
from assistant.core.types import DocMeta, Passage

NOV6 = dt.date(2019, 11, 6)
PROSE = "De VNG vindt dat de tarieven voor jeugdhulp fair moeten zijn en vraagt om een handreiking voor gemeenten. "


def meta(doc_type="verslag", day=NOV6, doc_id="d1", meeting="BO Rijk-VNG") -> DocMeta:
    return DocMeta(doc_id, doc_type, doc_type.capitalize(), "bundel.pdf", 1, 3, meeting, day)


def passage(text: str, m: DocMeta | None = None, chunk_id: str = "c1") -> Passage:
    return Passage(chunk_id, m or meta(), text, "Agendapunt 3 Tarieven", (2,))


def words(text: str, weight: float = 1.0) -> dict[str, float]:
    """Question terms as the product weighs them, all of one weight."""
    return {t: weight for t in tokenize(text)}


def test_boost_rewards_the_named_meeting_day_and_the_verslag_for_what_was_said():
    config = CONFIG.retrieval
    hints = read_question("Wat zei de VNG over faire tarieven in het BO van 6 november 2019?")
    on_day = _boost(passage(PROSE * 2), hints, config)
    other_day = _boost(passage(PROSE * 2, meta(day=dt.date(2020, 1, 30))), hints, config)
    nota = _boost(passage(PROSE * 2, meta("nota")), hints, config)
    assert on_day > nota > other_day
    assert on_day / other_day == config.meeting_day / config.other_day


def test_a_decision_is_looked_for_in_the_verslag_and_a_proposal_is_not_one():
    config = CONFIG.retrieval
    hints = read_question("Wat besloot het BO over de regiobeelden?")
    assert _boost(passage(PROSE * 2), hints, config) > _boost(passage(PROSE * 2, meta("nota")), hints, config)
    question = "Wat besloot het BO over de regiobeelden?"
    proposed = passage("Akkoord met een halfjaarlijkse presentatie van de regiobeelden?", meta("nota"), "a")
    decided = passage("Akkoord met een halfjaarlijkse presentatie van de regiobeelden.", chunk_id="b")
    ranked = rank_sentences([proposed, decided], words("besloot regiobeelden"), read_question(question),
                            question=question)  # fmt: skip
    assert ranked[0].text.endswith("regiobeelden.")  # the verslag's decision, though its passage ranks second


def test_a_day_no_document_is_dated_on_is_looked_for_in_the_text():
    config = CONFIG.retrieval
    hints = read_question("Wat vroeg Jeugdzorg Nederland in zijn brief van 30 oktober 2019 aan de VNG?")
    mentions = passage("Jeugdzorg Nederland heeft op 30 oktober jl. een brief gestuurd aan de VNG. " + PROSE)
    silent = passage(PROSE * 2)
    unheld = ["30 oktober"]  # no document is dated that day: it is the day of a letter the documents mention
    assert _boost(mentions, hints, config, unheld) / _boost(silent, hints, config, unheld) == pytest.approx(
        config.document_day
    )
    # a dated passage is not held back for a day no document is on, as it is when the day's documents exist
    assert _boost(silent, hints, config) / _boost(silent, hints, config, unheld) == pytest.approx(config.other_day)


def test_a_passage_in_which_a_person_the_question_names_speaks_is_found():
    speaker = speaking("Waar wilden de branches volgens dhr. Spijt vanaf?")
    assert speaker.search("De VNG reageert.\nDhr. Spijt wil terug naar de opdracht.")
    assert not speaker.search("Afspraak: Dhr. Dekker, Spijt en Eerenberg bellen elkaar.")  # named, not speaking
    assert speaker.search("Hans Spijt: Minister Dekker heeft een verslag toegezegd.")  # a first name opens it too
    assert not speaker.search("Hans Spijt bespreekt het met Dekker.")  # without the colon, a name in a sentence
    assert not speaking("Wat zei de VNG over tarieven?").search("Dhr. Meijer: de tarieven zijn te laag.")
    spoken = passage("Dhr. Spijt wil terug naar de opdracht. " + PROSE)
    hints = read_question("Waar wilden de branches volgens dhr. Spijt vanaf?")
    boosted = _boost(spoken, hints, CONFIG.retrieval, speaker=speaker) / _boost(spoken, hints, CONFIG.retrieval)
    assert boosted == pytest.approx(CONFIG.retrieval.speaker_named)


def test_boost_uses_the_weights_it_is_given():
    hints = read_question("Wat staat er in het verslag van 6 november 2019?")
    p = passage(PROSE * 2)
    doubled = replace(CONFIG.retrieval, meeting_day=2 * CONFIG.retrieval.meeting_day)
    assert _boost(p, hints, doubled) == 2 * _boost(p, hints, CONFIG.retrieval)


def test_attendee_lists_and_short_passages_are_demoted():
    hints = read_question("Wat zei de VNG over tarieven?")
    attendees = passage("Deelnemers: dhr. Meijer (VNG), mevr. De Vries (VWS), dhr. Jansen (JenV), 10.2.e, 10.2.e")
    assert _boost(attendees, hints, CONFIG.retrieval) < _boost(passage(PROSE * 2), hints, CONFIG.retrieval)


def test_who_sat_at_the_table_is_answered_by_the_attendee_list_and_nothing_else_is():
    p = passage("Deelnemers Beroepsverenigingen Arne Popma Vera Naber Namens NVvP\n"
                "De VNG vraagt in het overleg om minder regels.")  # fmt: skip
    asked = "Wie vertegenwoordigden de beroepsverenigingen in het overleg?"
    ranked = rank_sentences([p], words("vertegenwoordig beroepsverenig overleg"), read_question(asked), question=asked)
    assert ranked[0].text.startswith("Deelnemers Beroepsverenigingen Arne Popma")
    said = "Wat zeiden de beroepsverenigingen in het overleg?"
    ranked = rank_sentences([p], words("beroepsverenig overleg"), read_question(said), question=said)
    assert [s.text[:6] for s in ranked] == ["De VNG"]  # an attendee line says who was there, not what anyone said
    listed = passage("VNG Eelco Eerenberg Wethouder Utrecht Leon Meijer Wethouder Ede 10.2.e 10.2.e\n"
                     "De VNG vraagt in het overleg om minder regels.")  # fmt: skip
    why = "Waarom was Leon Meijer afwezig bij het overleg?"
    ranked = rank_sentences([listed], words("leon meijer afwezig overleg"), read_question(why), question=why)
    assert [s.text[:6] for s in ranked] == ["De VNG"]  # nor why anyone was not there
    absent = passage("Afwezig: Leon Meijer (Gemeente Ede), Illya Soffer (Ieder(in))\n"
                     "Leon Meijer vraagt in het overleg om minder regels.")  # fmt: skip
    who = "Wie waren er afwezig bij het overleg?"
    ranked = rank_sentences([absent], words("afwezig overleg"), read_question(who), question=who)
    assert "Afwezig:" in [s.text[:8] for s in ranked]  # the line that says who was not there competes
    ranked = rank_sentences([absent], words("leon meijer afwezig overleg"), read_question(why), question=why)
    assert [s.text[:8] for s in ranked] == ["Leon Mei"]  # it does not say why
    role = "Welke functie had Leon Meijer in het overleg?"
    ranked = rank_sentences([listed], words("functie leon meijer overleg"), read_question(role), question=role)
    assert any(s.text.startswith("VNG Eelco") for s in ranked)  # but it gives their roles
    staff = passage("De VNG vraagt in het overleg om minder regels van VWS.\n"
                    "VWS Paul Blokhuis 10.2.e 10.2.e Staatssecretaris van VWS 10.2.e 10.2.e")  # fmt: skip
    took_part = "Welke staatssecretaris nam namens VWS deel aan het overleg?"
    ranked = rank_sentences(
        [staff], words("staatssecretaris vws deel overleg"), read_question(took_part), question=took_part
    )
    assert ranked[0].text.startswith("VWS Paul Blokhuis")  # taking part is being at the table
    plain = "Welke organisaties namen deel?"  # without 'aan' too
    ranked = rank_sentences([staff], words("organisaties deel"), read_question(plain), question=plain)
    assert ranked[0].text.startswith("VWS Paul Blokhuis")
    spoke = passage("Dhr. Blokhuis vindt de organisatie van het overleg beter dan vorig jaar.\n"
                    "VWS Paul Blokhuis 10.2.e 10.2.e Staatssecretaris van VWS 10.2.e 10.2.e")  # fmt: skip
    behalf = "Namens welke organisatie zat Paul Blokhuis bij het overleg?"  # for whom: the list says
    ranked = rank_sentences([spoke], words("organisatie paul blokhuis overleg"), read_question(behalf), question=behalf)
    assert ranked[0].text.startswith("VWS Paul Blokhuis")


def test_near_duplicates_move_behind_the_first_copy():
    a, b, c = (
        passage(PROSE * 3, chunk_id="a"),
        passage(PROSE * 3, chunk_id="b"),
        passage("Iets heel anders.", chunk_id="c"),
    )
    assert [p.chunk_id for p in _spread_duplicates([a, b, c], 0.5)] == ["a", "c", "b"]


def test_the_best_lexical_passage_is_kept_within_the_first_few():
    scored = [(passage(PROSE, chunk_id=f"p{i}"), 1.0 - i / 10) for i in range(8)]
    kept = _keep_best(list(scored), ["p7", "p1"], n=1, within=5)
    assert [p.chunk_id for p, _ in kept] == ["p0", "p1", "p2", "p3", "p7", "p4", "p5", "p6"]
    assert _keep_best(list(scored), ["p2"], n=1, within=5) == scored  # already within: nothing moves
    assert _keep_best(list(scored), ["gone", "p7"], n=1, within=5)[4][0].chunk_id == "p7"  # filtered out: next one


def test_the_sentence_holding_the_question_terms_ranks_first_and_headings_never_answer():
    text = (
        "3. Tarieven\nDhr. Meijer opent de vergadering.\n"
        "De VNG vraagt om een handreiking voor faire tarieven in de jeugdhulp.\nDe lunch is om twaalf uur."
    )
    question = "Wat vroeg de VNG over faire tarieven?"
    terms = words("VNG") | words("faire tarieven", 2.0)
    ranked = rank_sentences([passage(text)], terms, read_question(question), question=question)
    assert ranked[0].text.startswith("De VNG vraagt om een handreiking")
    assert all(s.text != "3. Tarieven" for s in ranked)


def test_a_line_that_announces_its_items_answers_with_them_where_a_bare_label_does_not():
    text = (
        "Dhr. Van Hoek: we moeten het corvee verminderen. Net gesproken over drie mogelijkheden:\n"
        "• 1) Sterke regio\n• 2) Landsdelen\n• 3) Landelijke oplossing\nBovenregionale zorg:\nDe lunch volgt."
    )
    question = "Welke drie mogelijkheden voor de bovenregionale zorg werden genoemd?"
    terms = words("drie mogelijkheden bovenregionale zorg")
    ranked = rank_sentences([passage(text)], terms, read_question(question), question=question)
    assert ranked[0].text == "Net gesproken over drie mogelijkheden:"
    assert "Bovenregionale zorg:" not in [s.text for s in ranked]  # a label that announces nothing says nothing
    answer, _ = compose(choose(ranked), [passage(text)], question=question)
    assert "Sterke regio" in answer and "Landsdelen" in answer and "Landelijke oplossing" in answer


def test_a_label_that_names_what_the_question_asks_for_answers_with_its_items():
    text = "U ziet voor de gemeenten een duidelijke taak:\n• voorlichting aan ouders\n• trainingen voor mentoren"
    question = "Welke taak ziet de minister voor de gemeenten bij de mentoren?"
    terms = words("taak minister gemeenten mentoren")
    ranked = rank_sentences([passage(text)], terms, read_question(question), question=question)
    assert ranked[0].text == "U ziet voor de gemeenten een duidelijke taak:"
    answer, _ = compose(choose(ranked), [passage(text)], question=question)
    assert "voorlichting aan ouders" in answer and "trainingen voor mentoren" in answer


def test_a_turn_glued_to_the_bullet_before_it_is_its_own_sentence():
    glued = "• Overeenstemming over de financiering Dhr. Eerenberg meent dat het een nieuwe taak is."
    glued += " Geen uitname uit het fonds."
    assert sentences_of(glued) == [
        "Overeenstemming over de financiering",
        "Dhr. Eerenberg meent dat het een nieuwe taak is.",
        "Geen uitname uit het fonds.",
    ]
    assert sentences_of("En dan komen we bij Dhr. De Jonge.") == ["En dan komen we bij Dhr. De Jonge."]
    named = "10.2.e : heb eerder gesproken met Mevr. De Koning en Mevr. Reints, directeur in Amsterdam."
    assert sentences_of(named) == [named]  # a name the sentence goes on with opens no turn
    paragraph = "Daarvoor is een geschilbeslechtingsmogelijkheid nodig (zie par. 5) en goed opdrachtgeverschap."
    assert sentences_of(paragraph) == [paragraph]  # 'par. 5)' refers to a paragraph: no new item, no new sentence


def test_a_numbered_point_the_pdf_broke_in_two_is_one_sentence_not_a_heading():
    broken = "3 Geef scholen een vaste contactpersoon in het wijkteam\n(ook in het mbo).\nDat scheelt veel tijd."
    assert sentences_of(broken) == [
        "3 Geef scholen een vaste contactpersoon in het wijkteam (ook in het mbo).",
        "Dat scheelt veel tijd.",
    ]
    agenda = "4 Ter bespreking: Perspectief voor de Jeugd\n(bijlage 3 – Inspraakreacties)\nWe praten elkaar bij."
    assert sentences_of(agenda)[0] == "4 Ter bespreking: Perspectief voor de Jeugd"  # a heading stays one


def test_who_is_answered_by_bodies_as_well_as_by_people():
    cues = QuestionCues.of("Wie stelden de offerte-aanvraag op?")
    bodies = "Dit gebeurde in overleg tussen Financiën, BZK, VWS en de VNG."
    assert answer_type_bonus(cues, bodies) >= CONFIG.sentences.who
    assert answer_type_bonus(cues, "De offerte-aanvraag is ambitieus.") == 0.0


def test_an_abbreviation_stands_for_the_organisation_the_question_names():
    cues = QuestionCues.of("Welke afbakening geldt voor de Jeugdautoriteit?")
    assert answer_type_bonus(cues, "Afbakening: de JA stapt alleen in bij discontinuïteit.") == CONFIG.sentences.person
    assert answer_type_bonus(cues, "Afbakening: de NZa stapt alleen in bij discontinuïteit.") == 0.0


def test_a_decision_line_wins_a_question_about_what_was_decided():
    text = "Er wordt gesproken over de tarieven en de handreiking.\nBesluit: de handreiking tarieven komt er in maart."
    question = "Wat is er besloten over de handreiking tarieven?"
    terms = words("handreiking tarieven")
    ranked = rank_sentences([passage(text)], terms, read_question(question), question=question)
    assert ranked[0].text.startswith("Besluit:")


def test_choose_keeps_few_sentences_per_passage_and_drops_repeats():
    text = ". ".join(f"De handreiking tarieven punt {n} is belangrijk voor gemeenten" for n in range(6)) + "."
    twice = [passage(text, chunk_id="a"), passage(text, chunk_id="b")]
    ranked = rank_sentences(twice, words("handreiking tarieven"), read_question("handreiking tarieven?"))
    chosen = choose(ranked, CONFIG.sentences)
    per_passage = [sum(s.passage_rank == r for s in chosen) for r in (0, 1)]
    assert max(per_passage) <= CONFIG.sentences.per_passage
    assert len({s.text for s in chosen}) == len(chosen)  # passage b repeats a: its sentences are not said twice


def test_compose_cites_each_passage_once_in_order_of_use():
    first = passage("De VNG wil een handreiking voor faire tarieven opstellen met de branches.", chunk_id="a")
    second = passage("Het Rijk stelt voor de faire tarieven en de handreiking te laten toetsen door een bureau.",
                     meta("nota", doc_id="d2"), chunk_id="b")  # fmt: skip
    terms = words("faire tarieven handreiking")
    ranked = rank_sentences([first, second], terms, read_question("Wat zei men over faire tarieven?"))
    text, quotes = compose(choose(ranked), [first, second])
    assert text.startswith("Volgens het verslag van het BO Rijk-VNG van 6 november 2019: De VNG wil")
    assert "[2]" in text and [rank for rank, _ in quotes] == [0, 1]
    assert quotes[0][1] == first.text


def test_the_sentence_after_a_set_up_that_holds_what_was_asked_comes_along():
    question = "Welke gemeenten doen mee aan het onderzoek naar de jeugdzorguitgaven?"
    text = ("Het is lastig gebleken om tien gemeenten te vinden die met het onderzoek naar de jeugdzorguitgaven mee "
            "willen doen. Dit heeft langer geduurd dan verwacht. De gemeenten die medewerking hebben toegezegd zijn: "
            "Apeldoorn, Goes, Groningen en Nijkerk. De resultaten volgen in het voorjaar.")  # fmt: skip
    p = passage(text, meta("nota"))
    ranked = rank_sentences([p], words("gemeenten onderzoek jeugdzorguitgaven mee doen"), read_question(question))
    chosen = [s for s in choose(ranked) if s.text.startswith("Het is lastig")]
    with_names, _ = compose(chosen, [p], question=question)
    without, _ = compose(chosen, [p])
    assert "Apeldoorn, Goes" in with_names and "Apeldoorn" not in without
    alone, _ = compose(chosen, [p], replace(CONFIG.sentences, context_after=0), question=question)
    assert "Apeldoorn, Goes" in alone and "voorjaar" not in alone  # the sentence that answers, not the rest


def test_a_set_up_that_points_back_brings_the_sentence_it_points_to():
    p = passage(
        "U kunt zich voorstellen. Journalist RTL heeft verlopen domeinnaam van Kenter opgekocht. Het mailverkeer op "
        "deze domeinnaam liep door. Zodoende heeft RTL toegang gekregen tot database van VECOZO."
    )
    question = "Hoe kreeg RTL toegang tot de database van VECOZO?"
    ranked = rank_sentences([p], words("rtl toegang database vecozo"), read_question(question))
    access = [s for s in ranked if s.text.startswith("Zodoende")]
    text, _ = compose(access, [p], replace(CONFIG.sentences, context_after=0))
    assert text.split(": ", 1)[1].startswith("Journalist RTL heeft verlopen domeinnaam")  # what 'deze' points to
    plain = passage("U kunt zich voorstellen. Journalist RTL heeft Kenter gebeld. Het mailverkeer liep gewoon door. "
                    "Zodoende heeft RTL toegang gekregen tot database van VECOZO.")  # fmt: skip
    ranked = rank_sentences([plain], words("rtl toegang database vecozo"), read_question(question))
    text, _ = compose(
        [s for s in ranked if s.text.startswith("Zodoende")], [plain], replace(CONFIG.sentences, context_after=0)
    )
    assert "Journalist" not in text  # a set-up that names its own subject brings nothing before it


def test_a_sentence_that_qualifies_the_chosen_one_comes_along():
    p = passage("De branches willen minder aanbod in de tweede lijn. Echter moet eerst het aanbod aan de voorkant "
                "worden opgebouwd. Daarna volgt de rondvraag.")  # fmt: skip
    ranked = rank_sentences([p], words("aanbod tweede lijn"), read_question("Wat willen de branches?"))
    text, _ = compose([s for s in ranked if s.position == 0], [p], replace(CONFIG.sentences, context_after=0))
    assert "Echter moet eerst het aanbod aan de voorkant worden opgebouwd [1]." in text and "rondvraag" not in text


def test_a_quotation_the_chosen_sentence_opens_comes_along_to_where_it_closes():
    quoted = "“Een voorbeeld zijn thuiszitters. Er zit veel energie in het plaatsen van kinderen. Zonder passend "
    p = passage(f"Ook is een team op school nodig. {quoted}aanbod zit je vaak in een impasse.”\nDe lunch volgt daarna.")
    ranked = rank_sentences([p], words("thuiszitters"), read_question("Wat werd gezegd over thuiszitters?"))
    text, _ = compose([s for s in ranked if "thuiszitters" in s.text], [p], replace(CONFIG.sentences, context_after=0))
    assert "zit je vaak in een impasse.” [1]" in text and "lunch" not in text


def test_a_turn_that_ends_on_a_list_brings_its_items_however_short_and_numbered():
    items = "• 1) Sterke regio\n• 2) Landsdelen\n• 3) Landelijke oplossing\n"
    turn = "Dhr. Eerenberg geeft aan de analyse van de BGZJ te delen. Net gesproken over drie mogelijkheden:\n"
    p = passage(f"{turn}{items}Mevr. De Koning: de transformatie stagneert.")
    assert "2) Landsdelen" in sentences_of(p.text) and "Mevr. De Koning: de transformatie stagneert." in sentences_of(
        p.text
    )
    ranked = rank_sentences([p], words("eerenberg analyse bgzj"), read_question("Wat zei Eerenberg?"))
    text, _ = compose([s for s in ranked if s.position == 0], [p])
    assert "2) Landsdelen [1]. 3) Landelijke oplossing [1]." in text and "De Koning" not in text
    assert "Landsdelen" not in sentences_of("Er is gesproken.\n• 2) Landsdelen")  # a short line is no item without ':'


def test_a_turn_opened_by_a_first_name_and_surname_runs_on_to_the_next_speaker():
    said = ("Dhr. Popma: complimenten voor de minister. Hans Spijt: Minister Dekker heeft een voortgangsverslag "
            "toegezegd. Lijkt me goed als wij aangesloten zijn. Breng dat svp goed samen; het moeten geen twee "
            "verhalen worden.\nPaul van Dijk (Utrecht): de wachtlijsten lopen op.")  # fmt: skip
    p = passage(said)
    ranked = rank_sentences([p], words("spijt voortgangsverslag"), read_question("Wat vroeg Spijt?"))
    text, _ = compose([s for s in ranked if s.position == 1], [p])
    assert "twee verhalen worden [1]." in text and "wachtlijsten" not in text  # his turn, up to Van Dijk's


def test_in_a_nota_the_minister_is_the_u_it_advises():
    text = "Gemeenten vragen om verdieping van het onderzoek. U zoekt daarnaast verdieping in casestudies."
    question = read_question("Welke verdieping wilde de minister?")
    nota = rank_sentences([passage(text, meta("nota"))], words("minister verdieping"), question)
    assert nota[0].text.startswith("U zoekt") and nota[0].support > nota[1].support
    verslag = rank_sentences([passage(text, meta("verslag"))], words("minister verdieping"), question)
    assert verslag[0].support == verslag[1].support  # only a nota speaks to the minister


def test_a_separable_verb_matches_when_written_apart():
    p = passage("KPMG zet alles op alles om het onderzoek half december op te leveren. Het onderzoek loopt bij KPMG.")
    ranked = rank_sentences([p], words("kpmg onderzoek opleveren"), read_question("Wanneer wilde KPMG opleveren?"))
    assert ranked[0].text.startswith("KPMG zet") and ranked[0].support == 1.0


def test_a_quote_reads_on_through_a_sentence_or_two_left_out_between_chosen_ones():
    said = ["Tarieven: alleen onderdelen opnemen is niet voldoende.", "Er moeten stevigere afspraken komen.",
            "Een minimum tarief zou goed zijn.", "Met alleen onderdelen is het tarief niet vastgesteld."]  # fmt: skip
    p = passage(" ".join(said))
    ranked = rank_sentences([p], words("tarief onderdelen"), read_question("Wat wilde de BGZJ aan de tarieven?"))
    text, quotes = compose([s for s in ranked if s.position in (0, 3)], [p])
    assert "Een minimum tarief zou goed zijn [1]." in text and quotes[0][1] == " ".join(said)
    lunch = ["Daarna volgt de lunch met iedereen.", "De zaal is op de eerste verdieping."]
    apart = passage(" ".join([*said[:3], *lunch, said[3]]))
    ranked = rank_sentences([apart], words("tarief onderdelen"), read_question("Wat wilde de BGZJ aan de tarieven?"))
    text, _ = compose([s for s in ranked if s.position in (0, 5)], [apart])
    assert "minimum" not in text  # four sentences apart: two quotes, not one


def test_the_sentence_before_a_chosen_one_comes_along_within_its_turn_only():
    advice = ("Dhr. Eerenberg vraagt om een afspraak over de indexatie. U kunt aangeven dat u de voorgestelde "
              "afspraak te mager vindt. Een bericht op de VNG-site over de indexatie is niet genoeg.")  # fmt: skip
    p = passage(advice, meta("nota"))
    ranked = rank_sentences([p], words("bericht vng site indexatie"), read_question("Wat vond de minister?"))
    text, quotes = compose([s for s in ranked if s.position == 2], [p])
    assert text.endswith("U kunt aangeven dat u de voorgestelde afspraak te mager vindt [1]. Een bericht op de "
                         "VNG-site over de indexatie is niet genoeg [1].")  # fmt: skip
    assert "Eerenberg" not in text and quotes[0][1].startswith("U kunt")  # one sentence, not the whole turn
    turns = passage("Mevr. De Koning: de klinieken zijn vol. Dhr. Van Hoek: geen nieuwe bestuurslaag.")
    ranked = rank_sentences([turns], words("bestuurslaag"), read_question("Wat zei Van Hoek?"))
    text, _ = compose([s for s in ranked if "bestuurslaag" in s.text], [turns])
    assert "klinieken" not in text  # another speaker's turn is not the set-up of this one
    headed = passage("3 Tarieven\nDe VNG wil faire tarieven voor de jeugdhulp.")
    ranked = rank_sentences([headed], words("faire tarieven"), read_question("Wat wil de VNG?"))
    text, _ = compose([s for s in ranked if "faire" in s.text], [headed])
    assert "3 Tarieven" not in text


def test_the_sentence_after_the_opening_run_comes_along_in_the_first_passage_only():
    told = ("In het BO van 25 september is geen overeenstemming bereikt over de indexatie. Vanuit het BO was het "
            "verzoek om ambtelijk te komen tot een convenant. Dhr. Eerenberg: de leden willen meer.")  # fmt: skip
    other = "Over de indexatie is geen overeenstemming. Het wordt later besproken."
    first, second = passage(told, meta("nota")), passage(other, meta("nota"), chunk_id="c2")
    question = read_question("Wat gebeurde er na het uitblijven van overeenstemming over de indexatie?")
    ranked = rank_sentences([first, second], words("overeenstemming indexatie"), question)
    text, _ = compose([s for s in ranked if s.position == 0], [first, second])
    assert "convenant [1]." in text and "Eerenberg" not in text  # what the set-up led to, not the next turn
    assert "Over de indexatie is geen overeenstemming [2]." in text and "later" not in text  # nothing after it
    text, _ = compose(
        [s for s in ranked if s.position == 0], [first, second], replace(CONFIG.sentences, context_after=0)
    )
    assert "convenant" not in text


def test_a_yes_no_question_about_an_act_is_answered_by_the_decision_line():
    assert QuestionCues.of("Je zei dat hij een Q&A wilde. Werd het stroomschema ook gepubliceerd?").decision
    assert QuestionCues.of("Wordt de regeling verlengd?").decision
    assert not QuestionCues.of("Werd Eerenberg wethouder van Utrecht?").decision  # an appointment, no act decided
    p = passage(
        "Er is een lijst die snel geconsulteerd kan worden. Akkoord met publicatie van het nieuwe stroomschema."
    )
    asked = "Werd het stroomschema gepubliceerd?"
    ranked = rank_sentences([p], words("stroomschema gepubliceerd"), read_question(asked), question=asked)
    assert ranked[0].text.startswith("Akkoord")


def test_what_was_said_comes_from_the_verslag_not_from_the_advice_to_the_minister():
    question = "Wat zei de VNG over faire tarieven in het BO van 6 november 2019?"
    advice = passage("U kunt de VNG zeggen dat faire tarieven in het BO goed passen.", meta("nota"), "n")
    said = passage("Dhr. Meijer zegt namens de VNG dat faire tarieven nodig zijn.", meta("verslag", doc_id="d2"), "v")
    ranked = rank_sentences([advice, said], words("vng faire tarieven bo"), read_question(question))
    assert ranked[0].text.startswith("Dhr. Meijer")
    plain = rank_sentences([advice, said], words("vng faire tarieven bo"), read_question("Wat over faire tarieven?"))
    assert plain[0].text.startswith("U kunt")  # only a question about what was said prefers the verslag


def test_a_question_about_how_it_went_over_time_is_answered_in_date_order():
    late = passage(
        "In juni stemt de VNG in met de maximumleeftijd van 21 in gezinshuizen.", meta(day=dt.date(2020, 6, 24)), "a"
    )
    early = passage("In november twijfelt de VNG over de maximumleeftijd in gezinshuizen.",
                    meta(day=dt.date(2019, 11, 6), doc_id="d2"), "b")  # fmt: skip
    terms = words("maximumleeftijd gezinshuizen vng")
    for question, first in (("Hoe is in de verschillende overleggen gesproken over de maximumleeftijd?", "november"),
                            ("Wat zei de VNG over de maximumleeftijd in gezinshuizen?", "juni")):  # fmt: skip
        ranked = rank_sentences([late, early], terms, read_question(question))
        text, quotes = compose(choose(ranked), [late, early], question=question)
        assert text.split("\n\n")[0].split(": ", 1)[1].startswith(f"In {first}"), text
        assert [n for n, _ in enumerate(quotes, start=1)] == [1, 2]  # numbered in the order shown


def test_a_compound_question_is_answered_part_by_part():
    from assistant.answer.extractive import choose_parts, part_terms
    from assistant.answer.question import question_parts

    question = "Hoeveel plaatsen noemt de werkgroep in totaal, en hoeveel daarvan zijn bovenregionaal?"
    first, second = question_parts(question)
    assert first == "Hoeveel plaatsen noemt de werkgroep in totaal" and second.startswith("hoeveel daarvan")
    assert question_parts("Wie en wat?") == ["Wie en wat?"]  # no second question of three words
    assert len(question_parts("Wat vond De Jonge het belangrijkst, en waar wilde het OZJ aandacht voor?")) == 2
    total = passage("De werkgroep noemt in totaal 5.298 plaatsen. De werkgroep telt de plaatsen in totaal per regio.")
    regional = passage("Bovenregionaal zijn er 1.255.", chunk_id="c2")
    terms = words("plaatsen werkgroep totaal bovenregionaal")
    config = replace(CONFIG.sentences, max_sentences=2)
    whole = choose(rank_sentences([total, regional], terms, read_question(question), question=question), config)
    assert not any("1.255" in s.text for s in whole)  # the first part's words outweigh the second's
    rankings = [rank_sentences([total, regional], part_terms(terms, part, config.context_weight), read_question(part),
                               question=part, config=config) for part in (first, second)]  # fmt: skip
    chosen = choose_parts(rankings, config)
    assert chosen[0].passage_rank == 0 and "1.255" in chosen[1].text  # the best of each part, in turn
    assert choose_parts(rankings[:1], config) == choose(rankings[0], config)  # one part: as before


def test_parts_that_each_name_their_own_time_look_there():
    from assistant.answer.question import parts_as_asked, periods_of, question_parts

    question = "Welke gemeente bestuurde Eerenberg in het najaar van 2019, en welke in 2020?"
    parts = question_parts(question)
    first, second = parts_as_asked(parts)
    assert first == parts[0] and second.startswith("Welke gemeente bestuurde Eerenberg")  # no words of its own
    assert second.endswith("welke in 2020?") and "2019" not in second  # but its own time
    assert periods_of(read_question(parts[1])) == ((dt.date(2020, 1, 1), dt.date(2020, 12, 31)),)
    assert parts_as_asked(["Wat vond de VNG", "wat vond de BGZJ?"]) == ["Wat vond de VNG", "wat vond de BGZJ?"]
    autumn = passage("Eerenberg kwam uit Enschede.", meta(day=dt.date(2019, 11, 28)), chunk_id="c1")
    winter = passage("Eerenberg bestuurde de gemeente Utrecht.", meta(day=dt.date(2020, 1, 30)), chunk_id="c2")
    terms = words("gemeente bestuurde eerenberg")
    plain = rank_sentences([winter, autumn], terms, read_question(first), question=first)
    assert plain[0].passage_rank == 0  # more of the question's words
    period = periods_of(read_question(parts[0]))
    dated = rank_sentences([winter, autumn], terms, read_question(first), question=first, periods=period)
    assert dated[0].passage_rank == 1  # but not of the time this part asks about


def test_the_best_of_each_parts_own_retrieval_is_among_the_passages_ranked():
    from assistant.answer.assistant import _with_parts
    from assistant.answer.retrieve import Retrieval

    def found(*ids: str) -> Retrieval:
        return Retrieval([passage(PROSE, chunk_id=i) for i in ids], read_question("?"), dense={i: 0.8 for i in ids})

    merged = _with_parts(found("w1", "w2", "w3", "w4"), [found("a1", "a2", "a3"), found("b1", "w2")], depth=6)
    # the whole question's best first, then the two best of each part in turn, within the six ranked
    assert [p.chunk_id for p in merged.passages] == ["w1", "w3", "a1", "b1", "a2", "w2", "w4"]
    assert set(merged.dense) == {"w1", "w2", "w3", "w4", "a1", "a2", "a3", "b1"}


def test_the_floor_never_leaves_the_composer_with_nothing():
    best = passage("De VNG wil een handreiking voor faire tarieven opstellen met de branches en de gemeenten.")
    aside = passage("Over tarieven is ook elders gesproken.", chunk_id="c2")
    ranked = rank_sentences([best, aside], words("VNG handreiking faire tarieven branches gemeenten"),
                            read_question("Wat wil de VNG met de handreiking faire tarieven?"))  # fmt: skip
    assert [s.text for s in choose(ranked, replace(CONFIG.sentences, coverage_floor=0.5))] == [best.text]
    # when the model has decided to answer, the floor never leaves nothing: the best sentence is said
    assert [s.text for s in choose(ranked, replace(CONFIG.sentences, coverage_floor=1.1))] == [best.text]


def test_the_answer_opens_with_the_sentence_that_holds_what_was_asked():
    question = "Hoeveel gemeenten doen mee aan het onderzoek van KPMG?"
    text = ("KPMG is in september met het onderzoek gestart en gemeenten doen mee. Er doen nu 9 gemeenten mee. "
            "Het onderzoek loopt tot december.")  # fmt: skip
    p = passage(text, meta("nota"))
    ranked = rank_sentences([p], words("gemeenten onderzoek KPMG mee"), read_question(question), question=question)
    body, quotes = compose(choose(ranked), [p], question=question)
    # the answer and what follows it, then the set-up before it
    assert body.endswith(": Er doen nu 9 gemeenten mee [1]. Het onderzoek loopt tot december [1]. KPMG is in "
                         "september met het onderzoek gestart en gemeenten doen mee [1].")  # fmt: skip
    assert quotes[0][1].startswith("KPMG is in september")  # the quote marked on the page keeps the page's order
    unordered, _ = compose(choose(ranked), [p], question="Wat doen de gemeenten met het onderzoek van KPMG?")
    assert ": KPMG is in september" in unordered  # no number asked: the passage's own order


def test_according_to_a_person_ranks_the_persons_own_contribution_first():
    question = "Wat is er volgens De Jonge nodig nu een aanbesteding niet helpt?"
    turn = "Dhr. De Jonge meent dat niemand is aan te spreken. Een aanbesteding helpt in deze situatie ook niet."
    other = passage("Dhr. De Jonge: Om aanspreekbaarheid te kunnen afspreken heb je een juridisch construct nodig.")
    own = passage(turn, meta(doc_id="d2"), chunk_id="c2")
    ranked = rank_sentences(
        [other, own], {"jong": 1.7, "help": 2.8, "aanbesteed": 3.8, "nood": 1.4}, read_question(question),
        spoken={"d2": [(turn, "Jonge", "VWS")]}, question=question, asked_people=("Jonge",),
    )  # fmt: skip
    assert ranked[0].text == "Een aanbesteding helpt in deze situatie ook niet."
