"""Who sees which request: coordinators all, social workers only their own, nobody else any."""

from django.http import Http404
from wagtail.permission_policies import ModelPermissionPolicy

MANAGE_ALL = "intake.manage_all_helprequests"


def can_manage_all(user):
    return user.is_active and (user.is_superuser or user.has_perm(MANAGE_ALL))


def visible_requests(user, queryset):
    if can_manage_all(user):
        return queryset
    if user.is_active and user.has_perm("intake.view_helprequest"):
        return queryset.filter(assigned_to=user)
    return queryset.none()


class HelpRequestPermissionPolicy(ModelPermissionPolicy):
    """Creating and editing requests in the generic forms is for coordinators only."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete") and not can_manage_all(user):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return can_manage_all(user) or instance.assigned_to_id == user.pk


class VisibleRequestsMixin:
    """Lists hold, and detail pages open, only requests the user may see (others are a 404)."""

    def get_base_queryset(self):
        return visible_requests(self.request.user, super().get_base_queryset())

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not visible_requests(self.request.user, type(obj).objects.filter(pk=obj.pk)).exists():
            raise Http404
        return obj
