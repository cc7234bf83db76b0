"""Choosers for the intake lists, open only to those who keep the lists.

Wagtail opens every snippet's chooser to anyone who can use the admin; the list
of social workers and the localities they serve is not for editors.
"""

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.chooser import SnippetChooserViewSet


class KeepersOnlyChooserViewSet(SnippetChooserViewSet):
    def get_urlpatterns(self):
        policy = ModelPermissionPolicy(self.model)

        def guarded(view):
            def view_for_keepers(request, *args, **kwargs):
                if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
                    raise PermissionDenied
                return view(request, *args, **kwargs)

            return view_for_keepers

        return [
            URLPattern(pattern.pattern, guarded(pattern.callback), pattern.default_args, pattern.name)
            for pattern in super().get_urlpatterns()
        ]
