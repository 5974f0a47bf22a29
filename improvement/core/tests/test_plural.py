"""A count agrees with its noun and carries no decimals, in code and in templates."""

from decimal import Decimal

from django.template import Context, Template

from improvement.core.text import count, plural


def test_a_count_agrees_with_its_noun():
    assert plural(1, "action") == "1 action"
    assert plural(0, "objective") == "0 objectives"
    assert plural(3, "action") == "3 actions"
    assert plural(2, "child", "children") == "2 children"


def test_a_whole_count_prints_without_decimals():
    assert count(3.0) == "3" and count(Decimal("12.0")) == "12"
    assert plural(1.0, "measure") == "1 measure"
    assert count(1250) == "1,250"


def test_the_template_filter_says_the_same():
    template = Template('{% load ib %}{{ a|plural:"action" }}; {{ b|plural:"child,children" }}')
    assert template.render(Context({"a": 1, "b": 4})) == "1 action; 4 children"
