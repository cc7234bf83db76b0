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
