from home.tests.conftest import centre_settings, home_page  # noqa: F401  (shared fixtures)
from intake.tests.conftest import clear_rate_limits, intake_page, locality  # noqa: F401
