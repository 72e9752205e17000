import pytest

from wirewatch.errors import PlanError
from wirewatch.pipeline.runner import PLANS, plan
from wirewatch.pipeline.stage import check_plan


@pytest.mark.parametrize("until", list(PLANS))
def test_every_shipped_plan_is_valid(until):
    assert plan(until)


def test_a_stage_whose_needs_come_later_is_refused():
    clean, extract = PLANS["extract"]
    with pytest.raises(PlanError, match="needs cleaned"):
        check_plan([extract, clean])


def test_unknown_stage_name_is_refused():
    with pytest.raises(PlanError):
        plan("summarise")
