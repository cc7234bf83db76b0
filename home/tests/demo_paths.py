"""The demo centre's pages, as the portal issue lists them."""

DEMO_PATHS = [
    "/",
    "/asystent-rodziny/",
    "/asystent-rodziny/zadania/",
    "/asystent-rodziny/zespol/",
    "/prawa-dziecka/",
    "/zakres-wsparcia/",
    "/jak-uzyskac-pomoc/",
    "/aktualnosci/",
    "/kontakt/",
    "/deklaracja-dostepnosci/",
    "/ochrona-danych/",
    "/tekst-latwy-do-czytania/",
    "/informacje-w-pjm/",
    "/popros-o-pomoc/",
]

# The same pages in Ukrainian and English (home/demo/translations/), each beside its
# Polish original, in the order of content.TRANSLATED_PAGES.
TRANSLATED_DEMO_PATHS = {
    "uk": {
        "/": "/uk/",
        "/popros-o-pomoc/": "/uk/poprosyty-pro-dopomohu/",
        "/asystent-rodziny/": "/uk/simeinyi-asystent/",
        "/asystent-rodziny/zadania/": "/uk/simeinyi-asystent/zavdannia/",
        "/asystent-rodziny/zespol/": "/uk/simeinyi-asystent/komanda/",
        "/prawa-dziecka/": "/uk/prava-dytyny/",
        "/zakres-wsparcia/": "/uk/pidtrymka/",
        "/jak-uzyskac-pomoc/": "/uk/yak-otrymaty-dopomohu/",
        "/kontakt/": "/uk/kontakty/",
        "/deklaracja-dostepnosci/": "/uk/deklaratsiia-dostupnosti/",
        "/ochrona-danych/": "/uk/zakhyst-danykh/",
    },
    "en": {
        "/": "/en/",
        "/popros-o-pomoc/": "/en/ask-for-help/",
        "/asystent-rodziny/": "/en/family-assistant/",
        "/asystent-rodziny/zadania/": "/en/family-assistant/tasks/",
        "/asystent-rodziny/zespol/": "/en/family-assistant/team/",
        "/prawa-dziecka/": "/en/rights-of-the-child/",
        "/zakres-wsparcia/": "/en/support/",
        "/jak-uzyskac-pomoc/": "/en/how-to-get-help/",
        "/kontakt/": "/en/contact/",
        "/deklaracja-dostepnosci/": "/en/accessibility-statement/",
        "/ochrona-danych/": "/en/data-protection/",
    },
}
UK_PATHS = list(TRANSLATED_DEMO_PATHS["uk"].values())
EN_PATHS = list(TRANSLATED_DEMO_PATHS["en"].values())
