from django import forms
from django.utils.translation import gettext_lazy as _

# Where Wagtail's field template (wagtailadmin/shared/formatted_field.html) puts the code's
# error and its hint; the templates pass ERROR_ID to it as error_message_id.
ERROR_ID = "id_token-error"
HINT_ID = "id_token-helptext"


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("Six digits from the app on your phone, or one of your backup codes."),
        error_messages={"required": _("Enter the code.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                # A refused code brings the page back with the focus here, and a screen
                # reader then reads the reason (empty when there is none) before the hint.
                "autofocus": True,
                "aria-describedby": f"{ERROR_ID} {HINT_ID}",
            }
        ),
    )
