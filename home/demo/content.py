"""Texts and data of the demo centre, kept apart from the code that writes them.

Everything here is fictional: the centre, its address, people, phones and e-mail
domains. Facts about the law follow the acts they come from (the act of 9 June 2011 on
family support and foster care: the path of a family, art. 11, the assistant's cap of
15 families, art. 15 ust. 4, the rights of the child, art. 4; the regulation on the
family interview, Dz.U. 2021 poz. 893: the deadlines); what the law does not settle is
described as the centre's own practice, never as law.

Rich text values are HTML strings in Wagtail's storage format (<p>, <b>, <a>, <ul>,
<ol>); the builder wraps them in RichText. A link in rich text to another demo page
is written as its path (<a href="/kontakt/">) and stored as a Wagtail page link, which
each language version shows as the page in its own language. Contact cards name a staff
member by the `key` used in STAFF_CONTACTS. Page links name the target by its path
under the home page ("kontakt", "asystent-rodziny/zespol").

The Ukrainian and English versions (TRANSLATED_PAGES) are in home/demo/translations/.
"""

from datetime import date


def paragraphs(*texts):
    """One <p> per argument: keeps the texts below readable."""
    return "".join(f"<p>{text}</p>" for text in texts)


# --- The centre ---------------------------------------------------------------

# The centre's name and hours (home.CentreProfile, translated like the pages)...
CENTRE_PROFILE = {
    "name": "Gminny Ośrodek Pomocy Społecznej w Przykładowie",
    "short_name": "GOPS Przykładowo",
    "office_hours": "\n".join(
        [
            "Poniedziałek: 8:00–17:00",
            "Wtorek–czwartek: 7:30–15:30",
            "Piątek: 7:30–14:00",
        ]
    ),
}

# ...and its details, the same in every language (home.CentreSettings).
CENTRE = {
    "street_address": "ul. Słoneczna 1",
    "postal_code": "84-100",
    "city": "Przykładowo",
    "phone": "58 000 00 00",
    "email": "sekretariat@gops.example.pl",
    "bip_url": "https://bip.gops.example.pl",
    "dpo_name": "Jan Przykładny (postać fikcyjna)",
    "dpo_email": "iod@gops.example.pl",
    "dpo_phone": "58 000 00 09",
}

# The settings have no field for a text-message number, so the pages carry it.
# A mobile-style number cannot be made obviously fake, hence the label next to it.
SMS_NUMBER = "500 000 000"

# Which page each "linked from every page" setting points to (path under home).
SETTINGS_PAGE_LINKS = {
    "contact_page": "kontakt",
    "accessibility_page": "deklaracja-dostepnosci",
    "privacy_page": "ochrona-danych",
    "easy_read_page": "tekst-latwy-do-czytania",
    "sign_language_page": "informacje-w-pjm",
}

_ADDRESS = f"{CENTRE['street_address']}, {CENTRE['postal_code']} {CENTRE['city']}"
# Polish declines street names ("przy ul. Słonecznej"), so running text cannot
# reuse the nominative form kept in the settings.
_STREET_LOCATIVE = "ul. Słonecznej 1"
_PHONE = CENTRE["phone"]
# In rich text the centre's phone is a link, so a phone dials it with one tap.
_PHONE_LINK = f'<a href="tel:+48{_PHONE.replace(" ", "")}">{_PHONE}</a>'
_EMAIL = CENTRE["email"]
_EMAIL_LINK = f'<a href="mailto:{_EMAIL}">{_EMAIL}</a>'


# --- Snippets -----------------------------------------------------------------

EMERGENCY_NUMBERS_CHECKED = date(2026, 11, 2)

# Looked up by number. 800 70 2222 is left out on purpose (reported discontinued
# in 2021); 116 123 too, until its hours are confirmed.
EMERGENCY_NUMBERS = [
    {
        "number": "112",
        "name": "Numer alarmowy",
        "description": "Gdy ktoś jest w niebezpieczeństwie: policja, pogotowie, straż pożarna.",
        "availability": "Całą dobę, bezpłatnie, z każdego telefonu",
        "sort_order": 10,
    },
    {
        "number": "800 120 002",
        "name": "Niebieska Linia",
        "description": "Dla osób, które doznają przemocy domowej, i dla świadków przemocy.",
        "availability": "Całą dobę, 7 dni w tygodniu",
        "sort_order": 20,
    },
    {
        "number": "116 111",
        "name": "Telefon zaufania dla dzieci i młodzieży",
        "description": "Dla dzieci i nastolatków, którzy chcą z kimś porozmawiać o swoich kłopotach.",
        "availability": "Całą dobę, bezpłatnie i anonimowo",
        "sort_order": 30,
    },
    {
        "number": "800 12 12 12",
        "name": "Dziecięcy Telefon Zaufania Rzecznika Praw Dziecka",
        "description": "Dla dzieci i młodzieży w trudnej sytuacji.",
        "availability": "Całą dobę, 7 dni w tygodniu",
        "sort_order": 40,
    },
]

# Looked up by name. "(postać fikcyjna)" stays in the name so nobody mistakes
# a demo card for a real person, even on a screenshot.
_TEAM = "Zespół do spraw asysty rodzinnej"
STAFF_CONTACTS = [
    {
        "key": "assistant_anna",
        "name": "Anna Przykładowa (postać fikcyjna)",
        "role": "asystentka rodziny",
        "team": _TEAM,
        "phone": "58 000 00 01",
        "email": "anna.przykladowa@gops.example.pl",
        "availability": "Najłatwiej się dodzwonić od poniedziałku do piątku, 7:30–9:00. Potem spotyka się z rodzinami.",
        "sort_order": 10,
    },
    {
        "key": "assistant_tomasz",
        "name": "Tomasz Wzorowy (postać fikcyjna)",
        "role": "asystent rodziny",
        "team": _TEAM,
        "phone": "58 000 00 02",
        "email": "tomasz.wzorowy@gops.example.pl",
        "availability": "Najłatwiej się dodzwonić od poniedziałku do piątku, 7:30–9:00. Potem spotyka się z rodzinami.",
        "sort_order": 20,
    },
    {
        "key": "social_worker_ewa",
        "name": "Ewa Testowa (postać fikcyjna)",
        "role": "pracownica socjalna",
        "team": _TEAM,
        "phone": "58 000 00 03",
        "email": "ewa.testowa@gops.example.pl",
        "availability": "Poniedziałek 8:00–17:00, wtorek–piątek 7:30–10:00",
        "sort_order": 30,
    },
    {
        "key": "team_head_barbara",
        "name": "Barbara Modelowa (postać fikcyjna)",
        "role": "kierowniczka zespołu",
        "team": _TEAM,
        "phone": "58 000 00 04",
        "email": "barbara.modelowa@gops.example.pl",
        "availability": "W godzinach pracy ośrodka",
        "sort_order": 40,
    },
]


# --- Pages --------------------------------------------------------------------
#
# A tree of page specs. Each spec: model (class name in home.models), slug,
# title, fields (plain model fields), body (StreamField as (block_type, value)
# pairs), links (page fields -> path under home), children. The order of the
# home page's children is the order of the main menu.

_DANGER_NOTICE = (
    "notice",
    {
        "kind": "warning",
        "title": "Gdy ktoś jest w niebezpieczeństwie",
        "text": paragraphs(
            "Jeśli komuś grozi niebezpieczeństwo teraz, zadzwoń pod numer alarmowy <b>112</b>. "
            "Nie czekaj na kontakt z ośrodkiem."
        ),
    },
)

HOME = {
    "model": "HomePage",
    "slug": "home",
    "title": "Pomagamy rodzinom w trudnych chwilach",
    "fields": {
        "search_description": (
            "GOPS w Przykładowie wspiera rodziny z dziećmi: rozmowa, asystent rodziny, "
            "pomoc specjalistów. Sprawdź, jak poprosić o pomoc."
        ),
        "intro": (
            "Jesteśmy ośrodkiem pomocy społecznej w gminie Przykładowo. Wspieramy rodziców i dzieci, "
            "gdy w domu dzieje się coś trudnego. Możesz do nas zadzwonić, napisać albo przyjść."
        ),
        "help_heading": "Potrzebujesz wsparcia?",
        "help_text": (
            "Nie musisz wiedzieć, o jaką pomoc poprosić. Opowiedz nam, co się dzieje. Razem poszukamy rozwiązania."
        ),
        "help_link_text": "Poproś o pomoc przez internet",
    },
    "links": {"help_page": "popros-o-pomoc"},
    "body": [
        ("heading", {"text": "W czym możemy pomóc", "level": "h2"}),
        (
            "list",
            {
                "style": "unordered",
                "items": [
                    "Porozmawiamy o sytuacji twojej rodziny i o tym, czego potrzebujecie.",
                    "Możemy przydzielić asystenta rodziny, który przez kilka miesięcy wspiera rodziców "
                    "w codziennych sprawach.",
                    "Umówimy cię na bezpłatną konsultację z psychologiem.",
                    "Zapraszamy rodziców na warsztaty o wychowaniu dzieci.",
                    "Pomożemy w sprawach ze szkołą, przychodnią i urzędami.",
                    "Podpowiemy, gdzie szukać pomocy, gdy w domu jest przemoc.",
                ],
            },
        ),
        (
            "paragraph",
            paragraphs(
                "Możesz zgłosić się w sprawie swojej rodziny. Możesz też powiedzieć nam, "
                "że martwisz się o inną rodzinę, na przykład o sąsiadów. Każdą sprawę traktujemy poważnie.",
                'Więcej przeczytasz na stronach <a href="/asystent-rodziny/">Asystent rodziny</a> '
                'i <a href="/zakres-wsparcia/">Zakres wsparcia</a>.',
            ),
        ),
        _DANGER_NOTICE,
        ("heading", {"text": "Informacje w prostszej formie", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                'Przygotowaliśmy <a href="/tekst-latwy-do-czytania/">tekst łatwy do czytania</a> '
                'oraz <a href="/informacje-w-pjm/">informacje w polskim języku migowym</a>.'
            ),
        ),
    ],
    "children": [],  # filled in below, in menu order
}

FAMILY_ASSISTANT = {
    "model": "SectionPage",
    "slug": "asystent-rodziny",
    "title": "Asystent rodziny",
    "show_in_menus": True,
    "fields": {
        "search_description": (
            "Kim jest asystent rodziny, komu pomaga i jak rodzina może otrzymać jego wsparcie. "
            "Odpowiedzi na częste pytania."
        ),
        "intro": (
            "Asystent rodziny pomaga rodzicom, którym trudno samym zadbać o dzieci. "
            "Spotyka się z rodziną w domu i razem z nią, krok po kroku, szuka wyjścia z kłopotów."
        ),
    },
    "body": [
        ("heading", {"text": "Kim jest asystent rodziny", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Asystent rodziny to pracownik ośrodka, który wspiera rodzinę w codziennym życiu. "
                "Spotyka się z rodziną tam, gdzie mieszka, albo w miejscu, które rodzina wybierze.",
                "Pomaga w opiece nad dziećmi, w prowadzeniu domu i w sprawach w szkole, u lekarza czy w urzędzie. "
                "Jest partnerem rodziny. Nie robi niczego za nią, tylko pomaga jej poradzić sobie samej.",
            ),
        ),
        ("heading", {"text": "Komu pomaga", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Asystent pracuje z rodzinami, w których są dzieci, a rodzice mają kłopot z opieką nad nimi "
                "lub z ich wychowaniem i nie dają rady sami.",
                "Pomaga też rodzicom, których dzieci mieszkają teraz poza domem, na przykład w rodzinie zastępczej, "
                "a którzy chcą, żeby dzieci do nich wróciły.",
            ),
        ),
        ("heading", {"text": "Po co jest ta pomoc", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Chodzi o to, żeby życie rodziny stało się stabilne i żeby rodzice sami mogli dobrze zająć się dziećmi. "
                "Najważniejsze jest, by dziecko mogło bezpiecznie zostać w domu.",
                "Jeśli dziecko już mieszka poza rodziną, asystent pomaga, żeby jak najszybciej mogło wrócić do rodziców.",
            ),
        ),
        ("heading", {"text": "Jak rodzina otrzymuje asystenta", "level": "h2"}),
        (
            "list",
            {
                "style": "ordered",
                "items": [
                    "Ośrodek dowiaduje się, że rodzinie jest trudno opiekować się dziećmi. "
                    "Może to powiedzieć sama rodzina albo ktoś, kto się o nią martwi.",
                    "Pracownik socjalny odwiedza rodzinę i przeprowadza rodzinny wywiad środowiskowy, "
                    "czyli rozmowę o sytuacji rodziny. Potem analizuje, czego rodzina potrzebuje.",
                    "Jeśli asystent może pomóc, pracownik socjalny składa wniosek do kierownika ośrodka.",
                    "Kierownik ośrodka przydziela rodzinie asystenta.",
                    "Asystent i rodzina razem układają plan pracy i zaczynają działać.",
                ],
            },
        ),
        (
            "paragraph",
            paragraphs(
                'Pierwszy krok możesz zrobić od razu: <a href="/popros-o-pomoc/">poproś o pomoc przez internet</a>, '
                "zadzwoń albo przyjdź do ośrodka."
            ),
        ),
        (
            "notice",
            {
                "kind": "info",
                "title": "Współpraca za zgodą rodziny",
                "text": paragraphs(
                    "Asystent pracuje z rodziną wtedy, gdy rodzina się na to zgadza "
                    "i sama bierze czynny udział we wspólnej pracy.",
                    "Są wyjątki. Sąd może zobowiązać rodzinę do pracy z asystentem. "
                    "Osobne zasady dotyczą też małoletnich rodziców, którzy opuszczają niektóre placówki dla młodzieży. "
                    "Pracownik socjalny wyjaśni, co to oznacza w twojej sytuacji.",
                ),
            },
        ),
        ("heading", {"text": "Ile rodzin ma jeden asystent", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Jeden asystent może pracować w tym samym czasie najwyżej z 15 rodzinami. "
                "Gdy praca z rodzinami jest trudniejsza, rodzin jest mniej. "
                "Dzięki temu asystent ma czas dla każdej z nich."
            ),
        ),
        (
            "faq",
            {
                "title": "Częste pytania",
                "items": [
                    {
                        "question": "Czy za pomoc asystenta trzeba płacić?",
                        "answer": paragraphs("Nie. Wsparcie asystenta rodziny jest bezpłatne."),
                    },
                    {
                        "question": "Czy asystent może zabrać nam dzieci?",
                        "answer": paragraphs(
                            "Nie. Asystent nie decyduje o tym, gdzie mieszkają dzieci. "
                            "Jego praca ma pomóc, żeby dzieci mogły bezpiecznie zostać z rodzicami.",
                            "Jeśli jednak dziecku grozi niebezpieczeństwo, asystent musi zareagować "
                            "i zadbać o jego bezpieczeństwo.",
                        ),
                    },
                    {
                        "question": "Gdzie odbywają się spotkania?",
                        "answer": paragraphs(
                            "Zwykle w domu rodziny. Możecie też umówić się w innym miejscu, które wybierzecie."
                        ),
                    },
                    {
                        "question": "Jak długo trwa współpraca?",
                        "answer": paragraphs(
                            "Tak długo, jak jest potrzebna. Zwykle to kilka miesięcy lub dłużej. "
                            "Co jakiś czas asystent razem z rodziną sprawdza, co już się udało i co dalej."
                        ),
                    },
                    {
                        "question": "Czy mogę zgłosić rodzinę, o którą się martwię?",
                        "answer": paragraphs(
                            "Tak. Zadzwoń, napisz albo przyjdź do ośrodka. "
                            "Pracownik socjalny sprawdzi, czy rodzina potrzebuje pomocy."
                        ),
                    },
                ],
            },
        ),
    ],
    "children": [
        {
            "model": "InformationPage",
            "slug": "zadania",
            "title": "Zadania asystenta rodziny",
            "fields": {
                "search_description": (
                    "Czym zajmuje się asystent rodziny: plan pracy z rodziną, pomoc w sprawach domu, "
                    "pracy i wychowania dzieci, współpraca z innymi."
                ),
                "intro": (
                    "Asystent ma wiele zadań. Opisujemy je prostymi słowami, "
                    "żeby było jasne, w czym może pomóc twojej rodzinie."
                ),
            },
            "body": [
                (
                    "paragraph",
                    paragraphs(
                        "Zadania asystenta opisuje ustawa z 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy "
                        "zastępczej (art. 15). Ustawa mówi, że asystent zajmuje się „w szczególności” sprawami z listy "
                        "poniżej. Lista nie jest więc zamknięta: asystent pomaga także w innych sprawach, "
                        "jeśli rodzina tego potrzebuje."
                    ),
                ),
                ("heading", {"text": "Co robi asystent rodziny", "level": "h2"}),
                (
                    "list",
                    {
                        "style": "ordered",
                        "items": [
                            "Razem z rodziną układa plan pracy i pomaga go wykonać. Omawia go z pracownikiem socjalnym.",
                            "Gdy dziecko jest w pieczy zastępczej, przygotowuje plan pracy wspólnie z rodziną "
                            "i z koordynatorem rodzinnej pieczy zastępczej. Ten plan musi pasować do planu pomocy dziecku.",
                            "Pomaga rodzinie poprawić warunki życia. Uczy też, jak dobrze prowadzić dom.",
                            "Pomaga rozwiązywać problemy socjalne, na przykład związane z mieszkaniem "
                            "lub brakiem pieniędzy.",
                            "Pomaga radzić sobie z problemami psychologicznymi.",
                            "Pomaga rodzicom w kłopotach wychowawczych z dziećmi.",
                            "Zachęca rodzinę, żeby brała udział w życiu swojej okolicy.",
                            "Zachęca członków rodziny, żeby uczyli się i zdobywali nowe kwalifikacje zawodowe.",
                            "Pomaga szukać pracy, zacząć ją i ją utrzymać.",
                            "Zachęca rodziców do zajęć w grupie, na których uczą się dobrego rodzicielstwa "
                            "i radzenia sobie w relacjach z innymi.",
                            "Wspiera dzieci, na przykład przez zajęcia psychoedukacyjne.",
                            "Reaguje i działa, gdy bezpieczeństwo dzieci lub rodziny jest zagrożone.",
                            "Prowadzi indywidualne rozmowy wychowawcze z rodzicami i z dziećmi.",
                            "Prowadzi dokumentację pracy z rodziną.",
                            "Ocenia, jak zmienia się sytuacja rodziny, i przekazuje tę ocenę kierownikowi ośrodka. "
                            "W naszym ośrodku robimy to co najmniej raz na pół roku.",
                            "Po zakończeniu współpracy przez jakiś czas sprawdza, jak rodzina sobie radzi.",
                            "Na prośbę sądu przygotowuje opinię o rodzinie i jej członkach.",
                            "Współpracuje z urzędami, samorządem, organizacjami pozarządowymi i specjalistami, "
                            "którzy pomagają dzieciom i rodzinom.",
                            "Współpracuje z zespołem interdyscyplinarnym i grupą diagnostyczno-pomocową, które działają "
                            "na podstawie ustawy o przeciwdziałaniu przemocy domowej, a także z innymi osobami "
                            "i instytucjami, których pomoc jest potrzebna.",
                        ],
                    },
                ),
                ("heading", {"text": "Zespół interdyscyplinarny", "level": "h2"}),
                (
                    "paragraph",
                    paragraphs(
                        "W gminie działa zespół interdyscyplinarny. Pomaga osobom, które doznają przemocy domowej. "
                        "Aby pomóc konkretnej rodzinie, zespół tworzy grupę diagnostyczno-pomocową. "
                        "Asystent rodziny współpracuje z nimi, gdy rodzina, z którą pracuje, potrzebuje takiej pomocy."
                    ),
                ),
            ],
        },
        {
            "model": "InformationPage",
            "slug": "zespol",
            "title": "Zespół do spraw asysty rodzinnej",
            "fields": {
                "search_description": (
                    "Asystenci rodziny, pracownica socjalna i kierowniczka zespołu: telefony, e-maile "
                    "i godziny, w których łatwo się dodzwonić."
                ),
                "intro": (
                    "Poznaj osoby, które w ośrodku pracują z rodzinami. Zadzwoń albo napisz do nich bezpośrednio."
                ),
            },
            "body": [
                (
                    "paragraph",
                    paragraphs(
                        "W ośrodku działa zespół do spraw asysty rodzinnej. Należą do niego asystenci rodziny, "
                        "pracownicy socjalni i kierowniczka zespołu.",
                        "Zespół wspólnie omawia sytuację rodzin i planuje wsparcie. "
                        "Dzięki temu nie musisz opowiadać swojej historii wiele razy.",
                    ),
                ),
                (
                    "notice",
                    {
                        "kind": "info",
                        "title": "Dane przykładowe",
                        "text": paragraphs(
                            "To strona pokazowa. Osoby poniżej są postaciami fikcyjnymi, "
                            "a ich numery telefonów i adresy e-mail nie działają."
                        ),
                    },
                ),
                ("heading", {"text": "Asystenci rodziny", "level": "h2"}),
                ("contact_card", "assistant_anna"),
                ("contact_card", "assistant_tomasz"),
                ("heading", {"text": "Pracownica socjalna", "level": "h2"}),
                ("contact_card", "social_worker_ewa"),
                ("heading", {"text": "Kierowniczka zespołu", "level": "h2"}),
                ("contact_card", "team_head_barbara"),
                (
                    "paragraph",
                    paragraphs(
                        f"Nie wiesz, do kogo zadzwonić? Zadzwoń do sekretariatu ośrodka: {_PHONE_LINK}. "
                        "Połączymy cię z właściwą osobą."
                    ),
                ),
            ],
        },
    ],
}

CHILD_RIGHTS = {
    "model": "InformationPage",
    "slug": "prawa-dziecka",
    "title": "Prawa dziecka",
    "show_in_menus": True,
    "fields": {
        "search_description": (
            "Jedenaście praw dziecka, o które dbamy, gdy wspieramy rodzinę, oraz prawo dziecka do tego, "
            "by wysłuchać jego zdania."
        ),
        "intro": (
            "Każde dziecko ma swoje prawa. Pamiętamy o nich zawsze, gdy pomagamy rodzinie. "
            "Poniżej opisujemy je prostymi słowami."
        ),
    },
    "body": [
        (
            "paragraph",
            paragraphs(
                "Wspierając rodzinę, szanujemy ją i kierujemy się dobrem dziecka. "
                "Ustawa o wspieraniu rodziny i systemie pieczy zastępczej (art. 4) wymienia prawa dziecka, "
                "o których pamiętamy w każdej sprawie."
            ),
        ),
        ("heading", {"text": "Dziecko ma prawo do:", "level": "h2"}),
        (
            "list",
            {
                "style": "ordered",
                "items": [
                    "wychowania w rodzinie; a jeśli na jakiś czas musi zamieszkać poza domem – do opieki w rodzinie "
                    "zastępczej lub rodzinnym domu dziecka, gdy to służy jego dobru;",
                    "powrotu do swojej rodziny;",
                    "kontaktu i spotkań z rodzicami, chyba że sąd ich zakazał;",
                    "stałego i spokojnego miejsca, w którym dorasta;",
                    "nauki, rozwijania talentów, zainteresowań i przekonań, a także do zabawy i odpoczynku;",
                    "pomocy w przygotowaniu się do samodzielnego, dorosłego życia;",
                    "ochrony przed bezprawnym wtrącaniem się w jego życie;",
                    "informacji i do mówienia, co myśli, w sprawach, które go dotyczą – tak, jak pozwalają na to "
                    "jego wiek i dojrzałość;",
                    "ochrony przed poniżaniem i poniżającymi karami;",
                    "szacunku dla jego wiary i kultury;",
                    "wiedzy o tym, skąd pochodzi.",
                ],
            },
        ),
        ("heading", {"text": "Zdanie dziecka się liczy", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Dziecko ma prawo zostać wysłuchane (art. 4a ustawy). W sprawach, które go dotyczą, pytamy je o zdanie "
                "na tyle, na ile pozwalają jego wiek i dojrzałość.",
                "Rozmawiamy z dziećmi spokojnie, prostymi słowami i w bezpiecznym miejscu.",
            ),
        ),
        (
            "notice",
            {
                "kind": "warning",
                "title": "Gdy dziecku dzieje się krzywda",
                "text": paragraphs(
                    "Jeśli dziecku grozi niebezpieczeństwo, zadzwoń pod numer alarmowy <b>112</b>.",
                    "Dzieci i nastolatki mogą też zadzwonić pod numer <b>116 111</b>. "
                    "Telefon działa całą dobę, jest bezpłatny i anonimowy.",
                ),
            },
        ),
    ],
}

SUPPORT_SCOPE = {
    "model": "InformationPage",
    "slug": "zakres-wsparcia",
    "title": "Zakres wsparcia",
    "show_in_menus": True,
    "fields": {
        # Read by people who may be in danger at home: offer the quick exit.
        "show_quick_exit": True,
        "search_description": (
            "Na czym polega wspieranie rodziny, z kim współpracujemy i jak działa zespół "
            "interdyscyplinarny do spraw przemocy domowej."
        ),
        "intro": (
            "Pomagamy rodzinom, którym trudno opiekować się dziećmi i je wychowywać. "
            "Działamy razem z rodziną oraz z innymi osobami i instytucjami."
        ),
    },
    "body": [
        (
            "paragraph",
            paragraphs(
                "Wspieranie rodziny to zaplanowane działania. Mają pomóc rodzinie znów dobrze opiekować się dziećmi "
                "i je wychowywać. To zadanie gminy. W naszej gminie wykonuje je ośrodek pomocy społecznej."
            ),
        ),
        ("heading", {"text": "Na czym polega wsparcie", "level": "h2"}),
        (
            "list",
            {
                "style": "unordered",
                "items": [
                    "Przyglądamy się sytuacji rodziny i jej otoczenia. Szukamy przyczyn kryzysu.",
                    "Wzmacniamy rodzinę, żeby dobrze pełniła swoją rolę.",
                    "Pomagamy rodzicom rozwijać umiejętności opieki nad dziećmi i ich wychowania.",
                    "Pomagamy rodzinie świadomie planować swoje życie i lepiej radzić sobie na co dzień.",
                    "Pomagamy członkom rodziny odbudować więzi między sobą.",
                    "Przeciwdziałamy temu, by rodzina została odsunięta na margines życia społecznego.",
                    "Pomagamy rodzinie znów być razem, gdy jej członkowie żyją osobno, "
                    "na przykład gdy dziecko jest w pieczy zastępczej.",
                ],
            },
        ),
        ("heading", {"text": "Z kim współpracujemy", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Rodzinie często pomaga wiele osób i instytucji naraz. "
                "Łączymy ich działania, żeby rodzina nie zostawała z kłopotem sama. Współpracujemy z:"
            ),
        ),
        (
            "list",
            {
                "style": "unordered",
                "items": [
                    "mieszkańcami i lokalną społecznością,",
                    "sądami i ich organami pomocniczymi, na przykład kuratorami sądowymi,",
                    "policją,",
                    "szkołami, przedszkolami i innymi placówkami oświatowymi,",
                    "przychodniami, szpitalami i innymi placówkami ochrony zdrowia,",
                    "kościołami i związkami wyznaniowymi,",
                    "organizacjami społecznymi, na przykład fundacjami i stowarzyszeniami.",
                ],
            },
        ),
        ("heading", {"text": "Zespół interdyscyplinarny", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "W gminie działa zespół interdyscyplinarny. Zajmuje się przeciwdziałaniem przemocy domowej "
                "na podstawie ustawy o przeciwdziałaniu przemocy domowej. Należą do niego między innymi osoby "
                "z ośrodka pomocy społecznej, policji, oświaty, ochrony zdrowia i organizacji pozarządowych.",
                "Aby pomóc konkretnej osobie lub rodzinie, zespół tworzy grupę diagnostyczno-pomocową.",
            ),
        ),
        (
            "notice",
            {
                "kind": "warning",
                "title": "Przemoc w domu",
                "text": paragraphs(
                    "Jeśli doznajesz przemocy w domu albo jesteś jej świadkiem, zadzwoń na Niebieską Linię: "
                    "<b>800 120 002</b>. Linia działa całą dobę.",
                    "Gdy ktoś jest w niebezpieczeństwie teraz, dzwoń pod <b>112</b>.",
                ),
            },
        ),
    ],
}

HOW_TO_GET_HELP = {
    "model": "InformationPage",
    "slug": "jak-uzyskac-pomoc",
    "title": "Jak uzyskać pomoc",
    "show_in_menus": True,
    "fields": {
        # Read by people who may be in danger at home: offer the quick exit.
        "show_quick_exit": True,
        "search_description": (
            "Jak poprosić ośrodek o pomoc krok po kroku i kiedy przyjdzie pracownik socjalny: "
            "14 dni roboczych, w pilnych sprawach 2 dni robocze."
        ),
        "intro": (
            "Pomoc zaczyna się od rozmowy. Opisujemy, co dzieje się po kolei: "
            "od pierwszego kontaktu do wsparcia dla rodziny."
        ),
    },
    "body": [
        _DANGER_NOTICE,
        ("heading", {"text": "Krok po kroku", "level": "h2"}),
        (
            "list",
            {
                "style": "ordered",
                "items": [
                    "Skontaktuj się z nami: wypełnij formularz „Poproś o pomoc”, zadzwoń, napisz e-mail "
                    "albo przyjdź do ośrodka w godzinach pracy. "
                    "Możesz zgłosić swoją rodzinę albo rodzinę, o którą się martwisz.",
                    "Pracownik socjalny umawia się z rodziną na wizytę w domu. "
                    "Ta wizyta to rodzinny wywiad środowiskowy.",
                    "Podczas wywiadu rozmawiamy o sytuacji osobistej i rodzinnej, o dochodach i o tym, "
                    "jak rodzina mieszka i czym dysponuje.",
                    "Pracownik socjalny analizuje sytuację i zapisuje wnioski: jaka pomoc jest potrzebna.",
                    "Razem ustalamy, co dalej. Może to być na przykład asystent rodziny, rozmowa z psychologiem "
                    "albo pomoc innej instytucji.",
                    "Jeśli rodzinie pomoże asystent, pracownik socjalny składa wniosek do kierownika ośrodka, "
                    "a kierownik przydziela asystenta.",
                ],
            },
        ),
        (
            "paragraph",
            paragraphs(
                'Formularz znajdziesz na stronie <a href="/popros-o-pomoc/">Poproś o pomoc</a>. '
                "Nie potrzebujesz konta. Po wysłaniu dostaniesz numer zgłoszenia.",
                "Przez cały czas możesz zadawać pytania i mówić, co jest dla ciebie ważne. "
                "Pracownik socjalny powie ci, czy potrzebne są jakieś dokumenty.",
            ),
        ),
        ("heading", {"text": "Kiedy przyjdzie pracownik socjalny", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Pracownik socjalny przeprowadza wywiad <b>w ciągu 14 dni roboczych</b> od dnia, "
                "w którym ośrodek dowiedział się, że wywiad jest potrzebny.",
                "W sprawach pilnych, gdy trzeba szybko zareagować, pracownik socjalny działa od razu. "
                "Wywiad odbywa się wtedy <b>najpóźniej w ciągu 2 dni roboczych</b>.",
                "Te terminy wynikają z rozporządzenia w sprawie rodzinnego wywiadu środowiskowego.",
            ),
        ),
        ("heading", {"text": "Jak liczymy dni robocze", "level": "h3"}),
        (
            "list",
            {
                "style": "unordered",
                "items": [
                    "Dnia, w którym dostaliśmy zgłoszenie, nie liczymy. Liczymy od następnego dnia roboczego.",
                    "Dni robocze to dni od poniedziałku do piątku.",
                    "Nie liczymy świąt i innych dni ustawowo wolnych od pracy, na przykład 24, 25 i 26 grudnia.",
                ],
            },
        ),
        (
            "paragraph",
            paragraphs(
                "Przepisy nie mówią dokładnie, czym jest dzień roboczy. Tak liczy terminy nasz ośrodek "
                "i robimy to zawsze w ten sam sposób.",
                "Przykład: zgłoszenie w pilnej sprawie dotarło do nas w poniedziałek. Poniedziałku nie liczymy. "
                "Wtorek to pierwszy dzień, środa drugi. Pracownik socjalny przyjdzie więc najpóźniej w środę.",
            ),
        ),
        (
            "faq",
            {
                "title": "Częste pytania",
                "items": [
                    {
                        "question": "Czy ktoś się dowie, że proszę o pomoc?",
                        "answer": paragraphs(
                            "Pracownicy ośrodka zachowują w tajemnicy to, czego dowiedzą się w pracy. "
                            "Informacje przekazujemy innym instytucjom tylko wtedy, gdy pozwala na to prawo, "
                            "na przykład żeby chronić dziecko."
                        ),
                    },
                    {
                        "question": "Czy muszę coś przygotować przed pierwszą rozmową?",
                        "answer": paragraphs(
                            "Nie. Wystarczy, że opowiesz, co się dzieje. "
                            "O dokumenty, jeśli będą potrzebne, poprosi pracownik socjalny."
                        ),
                    },
                ],
            },
        ),
        ("heading", {"text": "Kontakt", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                f"Telefon: {_PHONE_LINK}. E-mail: {_EMAIL_LINK}.",
                'Adres i godziny pracy znajdziesz na stronie <a href="/kontakt/">Kontakt</a>.',
            ),
        ),
    ],
}

_EMERGENCY_REMINDER = (
    "notice",
    {
        "kind": "info",
        "title": "Telefony pomocowe działają także w święta",
        "text": paragraphs(
            "W nagłej sytuacji dzwoń pod <b>112</b>. Niebieska Linia (<b>800 120 002</b>) "
            "i telefon dla dzieci i młodzieży (<b>116 111</b>) działają całą dobę."
        ),
    },
)

NEWS_INDEX = {
    "model": "NewsIndexPage",
    "slug": "aktualnosci",
    "title": "Aktualności",
    "show_in_menus": True,
    "fields": {
        "search_description": "Wydarzenia, zajęcia dla rodzin i zmiany w godzinach pracy GOPS w Przykładowie.",
        "intro": "Co nowego w ośrodku: wydarzenia dla rodzin, zajęcia i zmiany w godzinach pracy.",
    },
    "children": [
        {
            "model": "NewsPage",
            "slug": "piknik-rodzinny",
            "title": "Zapraszamy na piknik rodzinny",
            "fields": {
                "date": date(2026, 5, 18),
                "search_description": (
                    "Piknik rodzinny przy ośrodku w sobotę 6 czerwca 2026 r., 11:00–15:00. "
                    "Zabawy dla dzieci, rozmowy z asystentami. Wstęp wolny."
                ),
                "intro": (
                    "W sobotę 6 czerwca spotkajmy się na pikniku przy ośrodku. "
                    "Wstęp jest wolny, nie trzeba się zapisywać."
                ),
            },
            "body": [
                (
                    "paragraph",
                    paragraphs(
                        "Zapraszamy całe rodziny na piknik w sobotę 6 czerwca 2026 r., od 11:00 do 15:00. "
                        f"Spotkamy się na trawniku za budynkiem ośrodka, {CENTRE['street_address']}.",
                    ),
                ),
                (
                    "list",
                    {
                        "style": "unordered",
                        "items": [
                            "gry i zabawy dla dzieci w każdym wieku,",
                            "malowanie twarzy i kącik plastyczny,",
                            "poczęstunek,",
                            "rozmowy z asystentami rodziny i psychologiem – bez zapisów i bez pośpiechu.",
                        ],
                    },
                ),
                (
                    "paragraph",
                    paragraphs(
                        "Jeśli będzie padać, przeniesiemy się do sali w budynku ośrodka.",
                        f"Potrzebujesz pomocy w dotarciu albo tłumacza polskiego języka migowego? "
                        f"Daj nam znać do 1 czerwca: tel. {_PHONE_LINK}, e-mail {_EMAIL_LINK}.",
                    ),
                ),
            ],
        },
        {
            "model": "NewsPage",
            "slug": "konsultacje-z-psychologiem",
            "title": "Nowe godziny konsultacji z psychologiem",
            "fields": {
                "date": date(2026, 9, 1),
                "search_description": (
                    "Od 7 września 2026 r. psycholog przyjmuje w ośrodku w poniedziałki i czwartki. "
                    "Konsultacje są bezpłatne, trzeba się umówić."
                ),
                "intro": ("Od 7 września psycholog przyjmuje w ośrodku w poniedziałki po południu i w czwartki rano."),
            },
            "body": [
                (
                    "paragraph",
                    paragraphs(
                        "Zmieniamy godziny konsultacji z psychologiem. Chcemy, żeby mogli z nich skorzystać także "
                        "rodzice, którzy pracują do popołudnia."
                    ),
                ),
                (
                    "list",
                    {
                        "style": "unordered",
                        "items": [
                            "poniedziałek: 13:00–17:00,",
                            "czwartek: 8:00–12:00.",
                        ],
                    },
                ),
                (
                    "paragraph",
                    paragraphs(
                        "Konsultacje są bezpłatne dla mieszkańców gminy. Rozmowa trwa mniej więcej godzinę.",
                        f"Na konsultację trzeba się wcześniej umówić: zadzwoń pod numer {_PHONE_LINK} "
                        f"albo napisz na adres {_EMAIL_LINK}.",
                    ),
                ),
            ],
        },
        {
            "model": "NewsPage",
            "slug": "warsztaty-dla-rodzicow",
            "title": "Ruszają warsztaty dla rodziców",
            "fields": {
                "date": date(2026, 10, 5),
                "search_description": (
                    "Bezpłatne warsztaty dla rodziców w środy od 21 października 2026 r.: emocje, granice, "
                    "rozmowa z nastolatkiem. Opieka nad dziećmi na miejscu."
                ),
                "intro": (
                    "Zapraszamy rodziców na osiem spotkań w małej grupie. "
                    "Porozmawiamy o codziennych trudnościach w wychowaniu dzieci."
                ),
            },
            "body": [
                (
                    "paragraph",
                    paragraphs(
                        "Spotkania odbędą się w środy od 21 października do 16 grudnia 2026 r., od 17:00 do 19:00. "
                        "Nie będzie zajęć 11 listopada, bo to święto. Grupa liczy najwyżej 12 osób."
                    ),
                ),
                ("heading", {"text": "O czym będziemy rozmawiać", "level": "h2"}),
                (
                    "list",
                    {
                        "style": "unordered",
                        "items": [
                            "jak rozumieć emocje dziecka i swoje,",
                            "jak stawiać granice bez krzyku,",
                            "jak rozmawiać z nastolatkiem,",
                            "jak zadbać o siebie, gdy jest ciężko.",
                        ],
                    },
                ),
                (
                    "paragraph",
                    paragraphs(
                        "Udział jest bezpłatny. W czasie zajęć zaopiekujemy się waszymi dziećmi w sali obok.",
                        f"Zapisy do 16 października: tel. {_PHONE_LINK} lub e-mail {_EMAIL_LINK}.",
                    ),
                ),
            ],
        },
        {
            "model": "NewsPage",
            "slug": "osrodek-nieczynny-24-grudnia",
            "title": "24 grudnia ośrodek będzie nieczynny",
            "fields": {
                "date": date(2026, 11, 16),
                "search_description": (
                    "Od 2025 r. Wigilia jest dniem wolnym od pracy. Ośrodek będzie zamknięty 24 i 25 grudnia 2026 r. "
                    "Zapraszamy w poniedziałek 28 grudnia."
                ),
                "intro": (
                    "Od 2025 roku 24 grudnia jest dniem wolnym od pracy. "
                    "W tym roku ośrodek będzie zamknięty 24 i 25 grudnia."
                ),
            },
            "body": [
                (
                    "paragraph",
                    paragraphs(
                        "Wigilia, 24 grudnia, jest od 2025 roku dniem ustawowo wolnym od pracy. "
                        "W 2026 roku wypada w czwartek. Tego dnia i w piątek 25 grudnia ośrodek będzie nieczynny.",
                        "Zapraszamy ponownie w poniedziałek 28 grudnia.",
                        "Dni świąteczne nie liczą się do terminów, w których przeprowadzamy wywiad środowiskowy. "
                        'Więcej o tym piszemy na stronie <a href="/jak-uzyskac-pomoc/">Jak uzyskać pomoc</a>.',
                    ),
                ),
                _EMERGENCY_REMINDER,
            ],
        },
    ],
}

CONTACT = {
    "model": "ContactPage",
    "slug": "kontakt",
    "title": "Kontakt",
    "show_in_menus": True,
    "fields": {
        "search_description": (
            "Adres, telefon, e-mail i godziny pracy GOPS w Przykładowie. "
            "Kontakty do asystentów rodziny i dojazd do ośrodka."
        ),
        "intro": "Zadzwoń, napisz albo przyjdź. Odpowiemy na pytania i umówimy spotkanie.",
        "how_to_get_here": paragraphs(
            f"Ośrodek mieści się na parterze budynku przy {_STREET_LOCATIVE}, obok urzędu gminy.",
            "Przystanek autobusowy „Przykładowo – Urząd Gminy” jest około 100 metrów od wejścia. "
            "Przed budynkiem są 2 miejsca parkingowe dla osób z niepełnosprawnościami.",
            "Do drzwi prowadzi podjazd. Jeśli potrzebujesz pomocy w dotarciu do nas, zadzwoń – wyjdziemy po ciebie.",
        ),
    },
    "body": [
        ("heading", {"text": "Z kim możesz porozmawiać", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Nie wiesz, do kogo się zwrócić? Zadzwoń do sekretariatu. Połączymy cię z właściwą osobą.",
                "Osoby poniżej są postaciami fikcyjnymi: to dane przykładowe.",
            ),
        ),
        ("contact_card", "social_worker_ewa"),
        ("contact_card", "assistant_anna"),
        ("contact_card", "assistant_tomasz"),
        ("contact_card", "team_head_barbara"),
        (
            "notice",
            {
                "kind": "info",
                "title": "Osoby głuche i słabosłyszące",
                "text": paragraphs(
                    f"Napisz do nas e-mail ({_EMAIL_LINK}) albo SMS na numer {SMS_NUMBER} (numer przykładowy). "
                    "Na spotkanie możemy zaprosić tłumacza polskiego języka migowego.",
                ),
            },
        ),
    ],
}

ACCESSIBILITY_STATEMENT = {
    "model": "AccessibilityStatementPage",
    "slug": "deklaracja-dostepnosci",
    "title": "Deklaracja dostępności",
    "fields": {
        "search_description": (
            "Deklaracja dostępności strony GOPS w Przykładowie: stan dostępności, "
            "niedostępne treści, kontakt i dostępność budynku."
        ),
        "entity_name": CENTRE_PROFILE["name"],
        "site_url": "https://gops.example.pl",
        "publication_date": date(2026, 3, 2),
        "update_date": date(2026, 11, 2),
        "status": "partial",
        "non_accessible_content": (
            "<ul>"
            "<li>Część starszych dokumentów PDF to skany. Czytnik ekranu nie odczyta ich treści. "
            "Na prośbę przygotujemy dostępną wersję takiego dokumentu.</li>"
            "<li>Nagranie z informacją o ośrodku w polskim języku migowym (PJM) jest w przygotowaniu. "
            "Do czasu jego publikacji udostępniamy tekst tego nagrania.</li>"
            "</ul>"
        ),
        "prepared_date": date(2026, 3, 31),
        "review_date": date(2026, 11, 2),
        "contact_person": "Katarzyna Wzorcowa (postać fikcyjna)",
        "contact_email": "dostepnosc@gops.example.pl",
        "contact_phone": CENTRE["phone"],
        "architecture": (
            paragraphs(
                f"Ośrodek mieści się w parterowym budynku przy {_STREET_LOCATIVE} "
                f"w miejscowości {CENTRE['city']}. Wszystkie pokoje są na jednym poziomie.",
                "Do budynku prowadzi jedno wejście od ulicy Słonecznej. Przy schodach jest podjazd z poręczami. "
                "Drzwi otwierają się automatycznie. Korytarze są szerokie i bez progów.",
                "Na parterze jest toaleta dostosowana do potrzeb osób z niepełnosprawnościami.",
                "Przed budynkiem są 2 miejsca parkingowe dla osób z niepełnosprawnościami.",
                "Do budynku można wejść z psem asystującym.",
                "W budynku nie ma oznaczeń w alfabecie Braille’a ani oznaczeń kontrastowych "
                "lub w druku powiększonym dla osób niewidomych i słabowidzących. "
                "Pracownik sekretariatu chętnie pomoże dotrzeć do właściwego pokoju.",
            )
        ),
        "communication": paragraphs(
            "W sekretariacie jest przenośna pętla indukcyjna.",
            "Osoby głuche i słabosłyszące mogą skontaktować się z nami e-mailem, SMS-em lub listownie. "
            "Na spotkanie w ośrodku możemy zaprosić tłumacza polskiego języka migowego (PJM). "
            "Tłumacz jest bezpłatny. Prosimy o zgłoszenie takiej potrzeby co najmniej 3 dni robocze przed wizytą. "
            "W nagłej sytuacji postaramy się pomóc od razu.",
            'Na stronie publikujemy informacje o ośrodku w <a href="/tekst-latwy-do-czytania/">tekście łatwym '
            'do czytania</a> i <a href="/informacje-w-pjm/">w polskim języku migowym</a>.',
        ),
        # mobile_apps, architecture_url and excessive_burden stay empty on purpose:
        # their element ids must appear only when they apply, and here they do not.
    },
}

DATA_PROTECTION = {
    "model": "InformationPage",
    "slug": "ochrona-danych",
    "title": "Ochrona danych osobowych",
    "fields": {
        "search_description": (
            "Kto przetwarza twoje dane w GOPS w Przykładowie, po co, jak długo i jakie masz prawa. "
            "Kontakt z inspektorem ochrony danych."
        ),
        "intro": (
            "Wyjaśniamy, jak ośrodek korzysta z twoich danych osobowych, komu może je przekazać i jakie masz prawa."
        ),
    },
    "body": [
        ("heading", {"text": "Kto odpowiada za twoje dane", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                f"Administratorem twoich danych osobowych jest {CENTRE_PROFILE['name']}, {_ADDRESS}.",
                f"Możesz się z nami skontaktować telefonicznie ({_PHONE_LINK}), e-mailem ({_EMAIL_LINK}) "
                "albo listownie na adres ośrodka.",
            ),
        ),
        ("heading", {"text": "Inspektor ochrony danych", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                f"W ośrodku pracuje inspektor ochrony danych: {CENTRE['dpo_name']}.",
                f'Napisz na adres <a href="mailto:{CENTRE["dpo_email"]}">{CENTRE["dpo_email"]}</a>, '
                f'zadzwoń pod numer <a href="tel:+48{CENTRE["dpo_phone"].replace(" ", "")}">{CENTRE["dpo_phone"]}</a> '
                "albo wyślij list na adres ośrodka "
                "z dopiskiem „Inspektor ochrony danych”.",
                "Inspektor odpowie na pytania o twoje dane i pomoże ci skorzystać z twoich praw.",
            ),
        ),
        ("heading", {"text": "Po co zbieramy dane i na jakiej podstawie", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Zbieramy dane, żeby wykonywać zadania, które nakłada na nas prawo: udzielać pomocy społecznej "
                "i wspierać rodziny. Podstawą są:"
            ),
        ),
        (
            "list",
            {
                "style": "unordered",
                "items": [
                    "art. 6 ust. 1 lit. c RODO – obowiązek prawny, który ciąży na ośrodku;",
                    "art. 6 ust. 1 lit. e RODO – zadanie wykonywane w interesie publicznym;",
                    "przepisy ustawy o pomocy społecznej i ustawy o wspieraniu rodziny i systemie pieczy zastępczej.",
                ],
            },
        ),
        (
            "paragraph",
            paragraphs(
                "Czasem dowiadujemy się czegoś o zdrowiu członków rodziny. Takie dane są szczególnie chronione. "
                "Przetwarzamy je tylko wtedy, gdy pozwala na to art. 9 ust. 2 RODO. "
                "Dokładną podstawę wskazuje inspektor ochrony danych – możesz go o nią zapytać."
            ),
        ),
        ("heading", {"text": "Kto może otrzymać twoje dane", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Przekazujemy dane tylko wtedy, gdy pozwala na to prawo albo gdy jest to potrzebne, "
                "żeby udzielić pomocy. Mogą je otrzymać na przykład sądy, policja, szkoły, placówki ochrony zdrowia "
                "i inne instytucje pomocy społecznej – w zakresie, który przewidują przepisy.",
                "Dane mogą też widzieć firmy, które na nasze zlecenie obsługują systemy informatyczne, "
                "na przykład tę stronę. Działają one na podstawie umowy z nami i muszą chronić dane.",
            ),
        ),
        ("heading", {"text": "Jak długo przechowujemy dane", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Dokumenty przechowujemy tak długo, jak wymagają tego przepisy o archiwach i nasz jednolity rzeczowy "
                "wykaz akt (JRWA). Ten czas zależy od rodzaju sprawy.",
                "Inspektor ochrony danych powie ci, jak długo będziemy przechowywać dokumenty w twojej sprawie.",
            ),
        ),
        ("heading", {"text": "Twoje prawa", "level": "h2"}),
        ("paragraph", paragraphs("Masz prawo do:")),
        (
            "list",
            {
                "style": "unordered",
                "items": [
                    "dostępu do swoich danych i otrzymania ich kopii,",
                    "sprostowania, czyli poprawienia błędnych danych,",
                    "usunięcia danych,",
                    "ograniczenia przetwarzania danych,",
                    "sprzeciwu wobec przetwarzania danych.",
                ],
            },
        ),
        (
            "paragraph",
            paragraphs(
                "Nie z każdego prawa można skorzystać w każdej sprawie. Na przykład nie usuniemy danych, "
                "które przepisy każą nam przechowywać. Inspektor wyjaśni, co jest możliwe w twojej sytuacji."
            ),
        ),
        ("heading", {"text": "Skarga do Prezesa UODO", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Jeśli uważasz, że przetwarzamy twoje dane niezgodnie z prawem, możesz złożyć skargę "
                "do Prezesa Urzędu Ochrony Danych Osobowych (UODO)."
            ),
        ),
        ("heading", {"text": "Czy musisz podać dane", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Podanie danych jest potrzebne, żeby udzielić pomocy. Niektóre dane musimy zebrać, "
                "bo wymagają tego przepisy.",
                "Jeśli ich nie podasz, nie będziemy mogli ocenić sytuacji rodziny ani udzielić wsparcia.",
                "O pomocy dla rodziny zawsze decydują ludzie, nie komputer.",
            ),
        ),
    ],
}

EASY_READ = {
    "model": "InformationPage",
    "slug": "tekst-latwy-do-czytania",
    "title": "Tekst łatwy do czytania",
    "fields": {
        "search_description": (
            "Informacje o ośrodku w tekście łatwym do czytania: kim jesteśmy, co robimy i jak się z nami skontaktować."
        ),
        "intro": "Tu piszemy prostymi słowami, kim jesteśmy i jak możemy ci pomóc.",
    },
    "body": [
        ("heading", {"text": "Kim jesteśmy", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Jesteśmy Gminnym Ośrodkiem Pomocy Społecznej w Przykładowie.",
                "Mówimy o sobie krótko: GOPS.",
                "Nasze biuro jest przy ulicy Słonecznej 1 w Przykładowie.",
                "Pracują u nas ludzie, którzy pomagają rodzinom.",
            ),
        ),
        ("heading", {"text": "Co robimy", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Pomagamy rodzinom, którym jest trudno.",
                "Pomagamy rodzicom i dzieciom.",
            ),
        ),
        (
            "list",
            {
                "style": "unordered",
                "items": [
                    "Rozmawiamy z tobą o twoich kłopotach.",
                    "Przychodzimy do twojego domu.",
                    "Razem myślimy, co może pomóc.",
                    "Mówimy, gdzie jeszcze możesz dostać pomoc.",
                ],
            },
        ),
        ("heading", {"text": "Asystent rodziny", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Asystent rodziny to osoba, która pomaga rodzinie.",
                "Asystent przychodzi do domu rodziny.",
                "Pomaga w codziennych sprawach.",
                "Na przykład pomaga w opiece nad dziećmi.",
                "Pomaga też załatwiać sprawy w szkole albo w urzędzie.",
                "Pomoc asystenta jest bezpłatna.",
            ),
        ),
        ("heading", {"text": "Jak się z nami skontaktować", "level": "h2"}),
        (
            # Rich text rather than a list block, so the phone and e-mail are links.
            "paragraph",
            "<ul>"
            + "".join(
                f"<li>{item}</li>"
                for item in [
                    f"Zadzwoń do nas. Numer telefonu: {_PHONE_LINK}.",
                    f"Napisz do nas e-mail. Adres: {_EMAIL_LINK}.",
                    "Przyjdź do nas. Adres: ulica Słoneczna 1, Przykładowo.",
                    "Biuro jest otwarte od poniedziałku do piątku.",
                    "W poniedziałek jesteśmy do godziny 17.",
                ]
            )
            + "</ul>",
        ),
        ("heading", {"text": "Gdy jest niebezpiecznie", "level": "h2"}),
        (
            "paragraph",
            paragraphs(
                "Czasem ktoś jest w niebezpieczeństwie.",
                "Wtedy zadzwoń pod numer 112.",
                "To numer alarmowy.",
                "Rozmowa jest bezpłatna.",
            ),
        ),
    ],
}

SIGN_LANGUAGE = {
    "model": "InformationPage",
    "slug": "informacje-w-pjm",
    "title": "Informacje w polskim języku migowym",
    "fields": {
        "search_description": (
            "Informacje o ośrodku w polskim języku migowym (PJM) i sposoby kontaktu dla osób głuchych: "
            "e-mail, SMS, tłumacz PJM."
        ),
        "intro": (
            "Przygotowujemy nagranie w polskim języku migowym (PJM) o pracy ośrodka. "
            "Zanim będzie gotowe, możesz przeczytać jego tekst."
        ),
    },
    "body": [
        (
            "video",
            {
                "title": "O ośrodku w polskim języku migowym",
                "transcript": paragraphs(
                    "Dzień dobry. Jesteśmy Gminnym Ośrodkiem Pomocy Społecznej w Przykładowie.",
                    "Pomagamy rodzinom z dziećmi, którym jest trudno. Rozmawiamy z rodziną o jej kłopotach. "
                    "Pracownik socjalny odwiedza rodzinę w domu i razem z nią szuka rozwiązania.",
                    "Rodzina może dostać asystenta rodziny. Asystent przychodzi do domu i pomaga w codziennych sprawach: "
                    "w opiece nad dziećmi, w prowadzeniu domu, w sprawach w szkole i w urzędzie. Pomoc asystenta "
                    "jest bezpłatna.",
                    "Osoby głuche mogą napisać do nas e-mail albo SMS. Na spotkanie w ośrodku zaprosimy tłumacza "
                    "polskiego języka migowego.",
                    "Ośrodek jest przy ulicy Słonecznej 1 w Przykładowie. Zapraszamy od poniedziałku do piątku.",
                ),
            },
        ),
        ("heading", {"text": "Jak osoba głucha może się z nami skontaktować", "level": "h2"}),
        (
            "list",
            {
                "style": "unordered",
                "items": [
                    f"E-mail: {_EMAIL}.",
                    f"SMS: {SMS_NUMBER} (numer przykładowy). Odpisujemy w godzinach pracy ośrodka.",
                    "Spotkanie z tłumaczem PJM: napisz e-mail albo SMS co najmniej 3 dni robocze przed wizytą. "
                    "Tłumacz jest bezpłatny.",
                    "W sekretariacie jest przenośna pętla indukcyjna dla osób, które używają aparatu słuchowego.",
                ],
            },
        ),
        (
            "paragraph",
            paragraphs("W nagłej sytuacji postaramy się pomóc od razu, także bez wcześniejszego zgłoszenia."),
        ),
    ],
}


# --- Demo staff accounts (fictional; the command refuses to run in production) -----

# username, first name, last name, group, localities served (social workers only)
STAFF_ACCOUNTS = [
    ("koordynator", "Katarzyna", "Koordynatorska", "Koordynatorzy", []),
    ("pracownik1", "Piotr", "Pierwszy", "Pracownicy socjalni", ["Przykładowo", "Dębnik", "Górki Małe"]),
    ("pracownik2", "Paulina", "Druga", "Pracownicy socjalni", ["Brzozowa Wola", "Jeziorno", "Lipnik", "Zielona Łąka"]),
    ("redaktor", "Renata", "Redakcyjna", "Redaktorzy", []),
]

# --- The request form ------------------------------------------------------------

LOCALITIES = ["Przykładowo", "Brzozowa Wola", "Dębnik", "Górki Małe", "Jeziorno", "Lipnik", "Zielona Łąka"]

INTAKE_FORM = {
    "model": "intake.IntakeFormPage",
    "slug": "popros-o-pomoc",
    "title": "Poproś o pomoc",
    "show_in_menus": True,
    "fields": {
        "search_description": (
            "Napisz do GOPS w Przykładowie, że twoja rodzina albo rodzina, o którą się martwisz, "
            "potrzebuje wsparcia. Bez logowania, w kilku krokach."
        ),
        "intro": paragraphs(
            "Tutaj możesz poprosić ośrodek o wsparcie dla swojej rodziny. "
            "Możesz też napisać o rodzinie, o którą się martwisz, albo zgłosić sprawę w imieniu szkoły, "
            "przychodni czy innej instytucji.",
            "Nie potrzebujesz konta ani hasła. Odpowiesz na kilka krótkich pytań, zajmie to około 10 minut. "
            "Przed wysłaniem zobaczysz wszystkie odpowiedzi i będziesz mógł je poprawić.",
            "Po wysłaniu dostaniesz numer zgłoszenia. Pracownik socjalny skontaktuje się z rodziną "
            "najpóźniej w ciągu 14 dni roboczych, a w pilnych sprawach w ciągu 2 dni roboczych.",
            "Jeśli musisz szybko zamknąć stronę, naciśnij przycisk „Wyjdź z tej strony” na górze "
            "albo trzy razy klawisz Shift.",
        ),
        "privacy_clause": paragraphs(
            f"Administratorem twoich danych jest {CENTRE_PROFILE['name']}, {_ADDRESS}, "
            f"telefon {_PHONE_LINK}, e-mail {_EMAIL_LINK}.",
            f"Możesz skontaktować się z naszym inspektorem ochrony danych: {CENTRE['dpo_name']}, "
            f'e-mail <a href="mailto:{CENTRE["dpo_email"]}">{CENTRE["dpo_email"]}</a>.',
            "Dane z tego formularza przetwarzamy, żeby rozpatrzyć zgłoszenie i udzielić rodzinie wsparcia. "
            "Podstawą są przepisy o pomocy społecznej i o wspieraniu rodziny (art. 6 ust. 1 lit. c i e RODO). "
            "Informacje o zdrowiu przetwarzamy na podstawie art. 9 ust. 2 RODO.",
            "Dane mogą otrzymać tylko osoby i instytucje, którym przekazujemy je na podstawie przepisów, "
            "na przykład sąd, oraz firmy, które obsługują nasze systemy na podstawie umowy.",
            "Dane przechowujemy tak długo, jak wymagają tego przepisy o archiwizacji dokumentów "
            "(według jednolitego rzeczowego wykazu akt ośrodka).",
            "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia lub ograniczenia przetwarzania "
            "oraz prawo sprzeciwu. Możesz złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych.",
            "Podanie danych jest dobrowolne. Bez danych kontaktowych nie będziemy mogli się z tobą skontaktować. "
            "Bez adresu rodziny pracownik socjalny nie będzie mógł jej odwiedzić.",
        ),
        "confirmation_text": paragraphs(
            "Pracownik socjalny zadzwoni albo napisze, żeby umówić wizytę. "
            "Jeśli zgłaszasz sprawę anonimowo, odwiedzi rodzinę bez wcześniejszego kontaktu z tobą.",
            f"Masz pytania? Zadzwoń do ośrodka: {_PHONE_LINK}. Podaj numer zgłoszenia.",
        ),
    },
}

# --- Other languages --------------------------------------------------------------

# Translated through wagtail-localize from home/demo/translations/<language>.po.
TRANSLATION_LANGUAGES = ["uk", "en"]
# Paths under home ("" is the home page itself), parents before children. The news and
# the easy-to-read and sign-language pages stay Polish: the frame links them in Polish.
TRANSLATED_PAGES = [
    "",
    "popros-o-pomoc",
    "asystent-rodziny",
    "asystent-rodziny/zadania",
    "asystent-rodziny/zespol",
    "prawa-dziecka",
    "zakres-wsparcia",
    "jak-uzyskac-pomoc",
    "kontakt",
    "deklaracja-dostepnosci",
    "ochrona-danych",
]

# Menu pages first, in menu order; the pages linked from the header and footer after them.
HOME["children"] = [
    INTAKE_FORM,
    FAMILY_ASSISTANT,
    CHILD_RIGHTS,
    SUPPORT_SCOPE,
    HOW_TO_GET_HELP,
    NEWS_INDEX,
    CONTACT,
    ACCESSIBILITY_STATEMENT,
    DATA_PROTECTION,
    EASY_READ,
    SIGN_LANGUAGE,
]
