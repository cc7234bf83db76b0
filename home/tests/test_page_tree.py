"""Where each page type may be created: the admin offers editors only these choices."""

import pytest

from home import models
from home.tests.factories import NewsIndexPageFactory, SectionPageFactory
from intake.models import IntakeFormPage

pytestmark = pytest.mark.django_db


def allowed_children(page_class):
    return set(page_class.allowed_subpage_models())


def test_home_page_offers_the_portal_sections(home_page):
    assert allowed_children(models.HomePage) == {
        models.SectionPage,
        models.InformationPage,
        models.NewsIndexPage,
        models.ContactPage,
        models.AccessibilityStatementPage,
        IntakeFormPage,
    }
    for page_class in allowed_children(models.HomePage):
        assert page_class.can_create_at(home_page), page_class


def test_news_items_live_only_in_a_news_index(home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    assert models.NewsPage.can_create_at(news_index)
    assert not models.NewsPage.can_create_at(home_page)
    assert allowed_children(models.NewsIndexPage) == {models.NewsPage}
    assert allowed_children(models.NewsPage) == set()


def test_sections_nest_and_hold_information_pages(home_page):
    section = SectionPageFactory(parent=home_page)
    assert models.SectionPage.can_create_at(section)
    assert models.InformationPage.can_create_at(section)
    assert not models.NewsPage.can_create_at(section)
    assert not models.ContactPage.can_create_at(section)
    assert not models.AccessibilityStatementPage.can_create_at(section)


def test_home_page_is_only_created_at_the_root(home_page):
    assert models.HomePage.can_create_at(home_page.get_parent())
    assert not models.HomePage.can_create_at(home_page)


def test_leaf_pages_take_no_children():
    for page_class in (models.ContactPage, models.AccessibilityStatementPage, models.NewsPage):
        assert allowed_children(page_class) == set(), page_class
