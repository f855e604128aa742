"""Claims and status on sentences written for these tests: denials, condemnations, claims of
responsibility, confirmations, threats."""

from __future__ import annotations

import dyad


def _assault(text):
    r = dyad.extract(text=text, published="2024-05-06")
    assert r.error is None, r.error
    return r, next(e for e in r.events if e.plover == "ASSAULT")


def test_denial_by_the_other_side_makes_the_event_contested():
    r, ev = _assault("Ethiopian jets bombed a village in Tigray on Monday, killing eight people, local officials said. "
                     "The Ethiopian government rejected the reports as fabricated.")
    assert any(c.stance == "deny" for c in ev.claims)
    assert ev.status in ("contested", "denied")


def test_condemnation_links_the_condemning_actor():
    r, ev = _assault("Gunmen attacked a church in Kaduna on Sunday, killing five worshippers. "
                     "The United Nations condemned the attack.")
    condemn = [c for c in ev.claims if c.stance == "condemn"]
    assert condemn and condemn[0].actor is not None


def test_claim_of_responsibility_is_linked():
    r, ev = _assault("A roadside bomb killed four soldiers near Mandera on Tuesday. "
                     "Al-Shabaab claimed responsibility for the attack.")
    assert any(c.stance == "claim_responsibility" for c in ev.claims)


def test_threat_is_threatened():
    r = dyad.extract(text="The rebels warned that they would attack the capital if the talks failed.")
    assert any(e.plover == "THREATEN" and e.status == "threatened" for e in r.events)
