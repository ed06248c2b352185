"""Every boilerplate phrase pack: a widget line it must report, prose it must leave alone."""

from __future__ import annotations

import pytest

from newslint.matching import PhraseMatcher
from newslint.packs import PhraseRule
from tests.helpers import _REGISTRY, codes, fixed, run_rules

ARTICLE = "The harbour authority reopened the northern pier on Thursday after repairs.\n\n"

# code -> (a widget line, a sentence of article text that uses the same words)
CASES = {
    "B201": ("Share this story", "Residents were asked to share this story with the council in writing."),
    "B202": ("7 Comments", "The minister said seven comments from the public had changed the plan."),
    "B203": ("Sign up for our newsletter", "She decided to sign up for the newsletter of the rowing club in May."),
    "B204": ("© 2023 Harbour Media Ltd. All rights reserved.", "The court ruled that all rights reserved by the seller had lapsed."),
    "B205": ("Home", "The family moved home after the flood waters receded in March."),
    "B206": ("You Might Also Like", "Critics said you might also like the second act more than the first."),
    "B207": ("Advertisement", "The advertisement for the new ferry ran in three newspapers last week."),
    "B208": ("Tags: harbour, ferries, repairs", "Tags on the crates showed they had come from the southern port."),
    "B209": ("4 min read", "It took her four minutes to read the statement to the press."),
    "B210": ("Photo: Jan Novak/Harbour Agency", "The photo shows the pier before the storm damaged its railings."),
    "B211": ("WhatsApp", "Fishermen now use WhatsApp to warn each other about storms at sea."),
    "B221": ("Artikel teilen", "Die Gemeinde will den Artikel teilen und neu fassen lassen."),
    "B222": ("12 Kommentare", "Der Minister lehnte Kommentare zu den Vorwürfen am Montag ab."),
    "B223": ("Newsletter abonnieren", "Wer den Newsletter abonnieren will, kann das im Rathaus tun."),
    "B224": ("Datenschutzerklärung", "Die neue Datenschutzerklärung der Behörde gilt ab Januar."),
    "B225": ("Das könnte Sie auch interessieren", "Der Bürgermeister sagte, das könnte Sie auch interessieren."),
    "B231": ("Partager sur Facebook", "Les pêcheurs préfèrent partager leurs prises avec le village."),
    "B232": ("Laisser un commentaire", "Le maire a refusé de laisser un commentaire sur le projet du port."),
    "B233": ("S'abonner à la newsletter", "Il faut s'abonner à la newsletter du club pour voter en mai."),
    "B234": ("Mentions légales", "Les mentions légales du contrat ont été contestées par le syndicat."),
    "B235": ("À lire aussi", "Le rapport est à lire aussi comme un avertissement pour la région."),
    "B241": ("Compartir en Facebook", "Los vecinos decidieron compartir en asamblea sus propuestas."),
    "B242": ("Deja un comentario", "El alcalde no quiso dejar un comentario sobre la obra del puerto."),
    "B243": ("Suscríbete a nuestro boletín", "El club pidió a sus socios que lean el boletín de la semana."),
    "B244": ("Política de privacidad", "La nueva política de privacidad del ayuntamiento entra en vigor hoy."),
    "B245": ("Te puede interesar", "El informe dice que el cambio te puede interesar si tienes barco."),
    "B251": ("Condividi su Facebook", "I pescatori preferiscono condividere il pescato con il paese."),
    "B252": ("Lascia un commento", "Il sindaco non ha voluto lasciare un commento sul progetto del porto."),
    "B253": ("Iscriviti alla newsletter", "Chi vuole iscriversi alla newsletter del club può farlo in municipio."),
    "B254": ("Note legali", "Le note legali del contratto sono state contestate dal sindacato."),
    "B255": ("Leggi anche", "Il rapporto va letto anche come un avvertimento per la regione."),
    "B261": ("Compartilhar no Facebook", "Os pescadores preferem compartilhar o peixe com a aldeia."),
    "B262": ("Deixe um comentário", "O presidente da câmara não quis deixar um comentário sobre a obra."),
    "B263": ("Assine a nossa newsletter", "Quem quiser assinar a newsletter do clube pode fazê-lo na sede."),
    "B264": ("Política de privacidade", "A nova política de privacidade da autarquia entra em vigor hoje."),
    "B265": ("Leia também", "O relatório diz que vale a pena ler também as notas do porto."),
}


def phrase_packs() -> list[type[PhraseRule]]:
    return [cls for cls in _REGISTRY.rules.values()
            if isinstance(cls, type) and issubclass(cls, PhraseRule) and cls.category.value == "boilerplate"]


def test_every_boilerplate_pack_has_cases():
    assert {cls.code for cls in phrase_packs()} == set(CASES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_pack_reports_its_widget_line(code):
    widget, _ = CASES[code]
    found = [d for d in run_rules(ARTICLE + widget + "\n", code)]
    assert [d.code for d in found] == [code]
    assert (found[0].line, found[0].end_line) == (3, 3)
    assert found[0].fix is not None


@pytest.mark.parametrize("code", sorted(CASES))
def test_pack_leaves_article_sentences_alone(code):
    _, prose = CASES[code]
    assert codes(ARTICLE + prose + "\n", code) == []


@pytest.mark.parametrize("cls", phrase_packs(), ids=lambda c: c.code)
def test_each_pack_compiles_into_one_matcher(cls):
    rule = cls()
    matchers = [v for v in vars(rule).values() if isinstance(v, PhraseMatcher)]
    assert matchers == [rule.matcher]
    data = cls.data
    assert len(rule.matcher) >= len(set(data.get("phrases", []))) // 2  # folding merges variants
    assert len(rule.matcher) <= len(data.get("phrases", [])) + len(data.get("prefixes", [])) + len(data.get("patterns", []))


def test_no_phrase_is_in_two_packs():
    from newslint.framing import normalise_line
    owner: dict[str, str] = {}
    for cls in phrase_packs():
        for phrase in cls.data.get("phrases", []):
            key = normalise_line(phrase)
            assert owner.setdefault(key, cls.code) == cls.code, (phrase, owner[key], cls.code)


def test_whole_line_hit_is_safe_and_removes_the_line():
    text = ARTICLE + "Leave a Reply\n"
    diag = run_rules(text, "B202")[0]
    assert diag.fix.is_safe
    assert fixed(text, "B202") == ARTICLE.rstrip("\n") + "\n"


def test_prefix_hit_is_info_and_unsafe():
    text = ARTICLE + "Share on Facebook Share on Pinterest Email this page\n"
    diag = run_rules(text, "B201")[0]
    assert diag.severity.value == "info"
    assert not diag.fix.is_safe
    assert fixed(text, "B201") == text  # safe fixes leave it
    assert fixed(text, "B201", unsafe=True) == ARTICLE.rstrip("\n") + "\n"


def test_long_line_starting_with_a_prefix_is_not_a_widget():
    sentence = ("Read more: the council published forty pages of notes on the harbour works, the "
                "budget, the delays, the contractors and the many complaints from residents about noise")
    assert codes(ARTICLE + sentence + "\n", "B206") == []


def test_bare_media_label_is_info_with_unsafe_fix():
    diag = run_rules(ARTICLE + "Fullscreen\n", "B211")[0]
    assert diag.severity.value == "info" and not diag.fix.is_safe


def test_byline_pattern_needs_a_capitalised_name():
    assert codes(ARTICLE + "By Maria Lindqvist and Tom Okafor\n", "B209") == ["B209"]
    assert codes(ARTICLE + "By the end of the week, the pier was open again.\n", "B209") == []


def test_timestamp_widget():
    assert codes(ARTICLE + "Updated 3 hours ago\n", "B209") == ["B209"]


def test_comment_section_headers_and_platform_notices():
    for line in ("Reader Comments", "Recent Comments", "Add new comment", "Log in or register to post comments",
                 "comments powered by Disqus."):
        assert codes(ARTICLE + line + "\n", "B202") == ["B202"], line
    assert codes(ARTICLE + "Recent comments by the minister angered the union.\n", "B202") == []


def test_video_player_ad_label():
    assert codes(ARTICLE + "Video Ad Feedback\n", "B207") == ["B207"]


def test_copyright_year_and_wire_service_notice():
    for line in ("Copyright 2023 Harbour Media, Inc. All rights reserved.",
                 "This material may not be published, broadcast, rewritten, or redistributed.",
                 "© 2019 Harbour News Network. This material may not be published, broadcast, rewritten or "
                 "redistributed."):
        assert codes(ARTICLE + line + "\n", "B204") == ["B204"], line
    sentence = "The court said the material may not be published before the trial, the lawyers confirmed."
    assert codes(ARTICLE + sentence + "\n", "B204") == []


def test_copyright_pattern_and_cookie_banner():
    assert codes(ARTICLE + "(c) 2021 Harbour Media\n", "B204") == ["B204"]
    banner = ("This website uses cookies to improve your experience while you navigate through the "
              "website; some of them are essential and others help us understand how you use it.")
    assert codes(ARTICLE + banner + "\n", "B204") == ["B204"]


# Reader widgets printed beside articles, each with a sentence of article text that uses
# the same words (the sentence must stay quiet).
READER_WIDGETS = [
    ("B202", "Viewed 314 times", "The film was viewed 3 times by the jury before the vote."),
    ("B202", "Rated 4.5 out of 5 stars (120 votes)", "Critics rated it 4 out of 5 stars in their reviews last year."),
    ("B202", "Rate this article", "Residents were asked to rate this article of the by-law on a scale."),
    ("B242", "Visto 314 veces", "El puente fue visto 3 veces por los inspectores antes de abrirse."),
    ("B242", "Actualmente puntuada con 1 estrella(s) sobre 5", "El hotel está actualmente puntuado con una nota media."),
    ("B242", "Puntúalo 3 estrellas", "Los críticos le dieron 3 estrellas al nuevo restaurante del puerto."),
    ("B242", "Normas de uso y aviso legal", "Las normas de uso del puerto cambiaron en mayo tras la tormenta."),
    ("B210", "05:22 - Source: CNN", "The source said the ferry left at 05:22 - an hour late."),
    ("B209", "November 28, 2013 -- Updated 0203 GMT (1003 HKT)",
     "The council met on May 3, 2014 - updated plans were shown to residents at the town hall."),
    ("B209", "Nov 18, 2019 at 9:24 pm ET \u2022 2 min read", "Residents had 5 minutes to read the notice before the vote."),
    ("B209", "By admin - 2018-09-16", "By administrative order, the pier was closed on Monday."),
    ("B201", "Like this story? Share it with a friend!", "Residents said they did not like this story about the harbour."),
    ("B201", "Follow me on Twitter or LinkedIn. Check out my website.",
     "The guide said hikers should follow me on Twitter for updates on the trail."),
]


@pytest.mark.parametrize("code, widget, prose", READER_WIDGETS, ids=[w for _, w, _ in READER_WIDGETS])
def test_reader_widgets_and_their_look_alike_sentences(code, widget, prose):
    assert codes(ARTICLE + widget + "\n", code) == [code]
    assert codes(ARTICLE + prose + "\n", code) == []
