"""An independent reader for the invites we write: Python's icalendar (Debian's python3-icalendar),
not the library that writes them. Reads an ICS file on stdin and prints a JSON list of every way
it breaks RFC 5545 (empty when none). Used through infra/local/test-ics.ts."""
import json
import sys

from icalendar import Calendar

# Every property RFC 5545 (and RFC 7986's URL/REFRESH) defines; anything else must start with X-.
KNOWN = set("""CALSCALE METHOD PRODID VERSION ATTACH CATEGORIES CLASS COMMENT DESCRIPTION GEO LOCATION
PERCENT-COMPLETE PRIORITY RESOURCES STATUS SUMMARY COMPLETED DTEND DUE DTSTART DURATION FREEBUSY
TRANSP TZID TZNAME TZOFFSETFROM TZOFFSETTO TZURL ATTENDEE CONTACT ORGANIZER RECURRENCE-ID
RELATED-TO URL UID EXDATE RDATE RRULE ACTION REPEAT TRIGGER CREATED DTSTAMP LAST-MODIFIED
SEQUENCE REQUEST-STATUS BEGIN END NAME REFRESH-INTERVAL SOURCE COLOR IMAGE CONFERENCE""".split())

data = sys.stdin.buffer.read()
problems = []
if not data.endswith(b"\r\n"):
    problems.append("does not end with CRLF")
lines = data.split(b"\r\n")
if any(b"\n" in line or b"\r" in line for line in lines):
    problems.append("has a line break that is not CRLF")
for line in lines:
    if len(line) > 75:
        problems.append(f"has a line of {len(line)} octets (at most 75): {line[:40]!r}")
for line in lines:
    if not line or line[:1] in (b" ", b"\t"):
        continue
    name = line.split(b":", 1)[0].split(b";", 1)[0].decode().upper()
    if name not in KNOWN and not name.startswith("X-"):
        problems.append(f"has the non-standard property {name}")
try:
    calendar = Calendar.from_ical(data)
except Exception as error:  # noqa: BLE001 - any refusal is the finding
    problems.append(f"cannot be read: {error}")
else:
    for name in ("VERSION", "PRODID", "METHOD"):
        if name not in calendar:
            problems.append(f"lacks {name}")
    events = calendar.walk("VEVENT")
    if not events:
        problems.append("has no event")
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE"):
            if name not in event:
                problems.append(f"an event lacks {name}")
        stamp = event.get("DTSTAMP")
        if stamp is not None and (stamp.dt.tzinfo is None or stamp.dt.utcoffset().total_seconds() != 0):
            problems.append("DTSTAMP is not in UTC")
print(json.dumps(problems))
