"""Shared fixtures: fictional pages written for these tests, and a settings object."""

from __future__ import annotations

import pytest

from wirewatch.settings import Settings, load_settings

FLAT_PAGE = """Home
News
Donate

Harbour Strike Enters Third Week, Union Says

Harbour Strike Enters Third Week, Union Says

The dock workers' union of Selmar said on Monday that the strike at the city's harbour would go on until the port authority agreed to new safety rules.

Union leader Paul Brandt told a rally of about two thousand workers that three men had been injured on the cranes since January.

"We will not go back to work until the cranes are safe," Brandt said.

The port authority said in a statement that it had already ordered new inspections and called the strike unnecessary.

- Advertisement -

Share this article
"""


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(env={})
