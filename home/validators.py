from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

postal_code_validator = RegexValidator(
    r"^\d{2}-\d{3}$",
    _("Enter the postal code as two digits, a dash and three digits, for example 84-100."),
)

# Polish numbers: nine digits, optionally after +48, spaces and dashes allowed;
# short emergency and helpline numbers (112, 116 111) are accepted too.
phone_validator = RegexValidator(
    r"^(\+48[ -]?)?(\d[ -]?){2,8}\d$",
    _("Enter a phone number using digits, for example 58 123 45 67 or +48 600 100 200."),
)
