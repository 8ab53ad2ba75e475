"""Words said around the support lines: what each kind of help is for, what to call in danger
now, and what the services advise when someone checks your phone or computer. (The lines
themselves, as each service publishes them, are data in `core/support.py`.)"""

from __future__ import annotations

NOT_CHECKED = "(hours not checked)"
REACH_OUT_NOW = "If you are struggling or not feeling safe, please reach out to a person now:"
"""The crisis heading: at the top of `relational support`, and in the plan document."""
HURTING_YOU = (
    "If someone is hurting you — a partner, an ex, a family member, someone you live"
    " with — these lines are there for that:"
)
IN_DANGER = "If you are in danger now, call {}{}."
IN_DANGER_ANYWHERE = "If you are in danger now, call your local emergency number: {}."
NOBODY_SENT = "A helpline does not send anyone to you."
WHERE_CALLING_IS_NOT_SAFE = "Where calling isn't safe, some of these lines take texts or chat."
SHOWS_AGAIN = "relational support shows these again."
SHOWS_AGAIN_HURT = (
    "relational support --hurt shows these again, with what the services advise if"
    " someone checks your phone or computer."
)
SET_REGION = (
    "To list the lines where you live: relational support --region CODE, with your country's"
    " two-letter code (IE, CA, DE), or a part of one (GB-SCT, CA-BC)."
)
WATCHED = (
    "If someone checks your phone or computer, the services say:",
    "  - Deleting all your history at once can itself be noticed; a private window leaves"
    " fewer traces, but not none.",
    "  - Use a device they cannot reach, such as a friend's phone or a library computer,"
    " if you think yours is watched.",
    "  - A call stays in the phone's own call log even when it is not on the bill: delete it"
    " by hand, if that is safe.",
    "  - If you cannot speak on an emergency call, stay on the line; in the UK, press 55"
    " after 999.",
    "",
    "A domestic-abuse service can help you plan: how to stay as safe as you can, where you"
    " could go, what to take if you leave, and how to reach help when someone is watching.",
    "Nothing here is saved.",
)
"""Said at the end of `relational support --hurt`, from what the services themselves advise
(../shared/research/support-lines.md); shown, never saved."""

LAST_CHECKED = "Last checked: {}."
