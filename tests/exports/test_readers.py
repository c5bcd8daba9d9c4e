"""The export readers on files written as the platforms and Excel write them (`exportkit`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import exportkit as k
import pytest

from mopsdocs.config import Settings
from mopsdocs.exports import Exports, Where, read_exports
from mopsdocs.exports.values import to_bool, to_date, to_datetime, to_int

UTC = dt.UTC


def read(root: Path, *paths: str, settings: Settings | None = None) -> Exports:
    return read_exports([root / p for p in paths] or [root], root=root, settings=settings)


# --------------------------------------------------------------------------- dates and values


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2015-11-18T15:25:35Z+0000", dt.datetime(2015, 11, 18, 15, 25, 35, tzinfo=UTC)),  # Marketo assets
        ("2020-02-05T01:02:23.000t+0000", dt.datetime(2020, 2, 5, 1, 2, 23, tzinfo=UTC)),  # Marketo users
        ("2020-02-05T01:02:23.000t-0500", dt.datetime(2020, 2, 5, 6, 2, 23, tzinfo=UTC)),
        ("2026-09-30T16:45:12.120Z", dt.datetime(2026, 9, 30, 16, 45, 12, 120000, tzinfo=UTC)),  # HubSpot v4
        ("2026-09-30T16:45:12+02:00", dt.datetime(2026, 9, 30, 14, 45, 12, tzinfo=UTC)),
        ("2026-09-30", dt.datetime(2026, 9, 30, tzinfo=UTC)),
        (1580864543000, dt.datetime(2020, 2, 5, 1, 2, 23, tzinfo=UTC)),  # HubSpot v3: epoch milliseconds
        ("1580864543000", dt.datetime(2020, 2, 5, 1, 2, 23, tzinfo=UTC)),
        ("11/18/2015", dt.datetime(2015, 11, 18, tzinfo=UTC)),  # a US Salesforce report
        ("11/18/2015 3:25 PM", dt.datetime(2015, 11, 18, 15, 25, tzinfo=UTC)),
        ("", None),
        ("never", None),
        ("2015-02-30T00:00:00Z", None),
        (None, None),
        (True, None),
    ],
)
def test_platform_dates(written: object, expected: dt.datetime | None) -> None:
    assert to_datetime(written) == expected


def test_values() -> None:
    assert [to_bool(v) for v in ("true", "TRUE", "1", "Yes", "false", "0", "No", "", "maybe", 1, 0)] == [
        True, True, True, True, False, False, False, None, None, True, False,
    ]  # fmt: skip
    assert [to_int(v) for v in ("10", 10, 10.0, "10.5", "x", True)] == [10, 10, 10, None, None, None]
    assert to_date("2026-03-01") == dt.date(2026, 3, 1)


# --------------------------------------------------------------------------- JSON shapes


def test_marketo_response_with_positions(tmp_path: Path) -> None:
    k.write_json(tmp_path / "p.json", k.response([k.program(1, "A"), k.program(2, "B", type_="Event with Webinar")]))
    got = read(tmp_path)
    assert [p.name for p in got.programs] == ["A", "B"]
    assert got.programs[0].at == Where("p.json", 9, 7)  # the `name` key of the first result
    lines = (tmp_path / "p.json").read_text().splitlines()
    assert lines[8].strip().startswith('"name": "A"')
    assert got.programs[1].kind == "event-with-webinar"
    assert got.programs[0].updated_at == dt.datetime(2026, 10, 1, 15, 25, 35, tzinfo=UTC)
    assert [(f.type, f.system, f.records) for f in got.files] == [("marketo-programs", "marketo", 2)]


def test_pages_and_bare_lists_read_the_same(tmp_path: Path) -> None:
    users = [k.user(f"u{i}@example.com", "U", str(i)) for i in range(5)]
    k.write_json(tmp_path / "one.json", k.response(users))
    k.write_json(tmp_path / "pages.json", k.pages(users, size=2))
    k.write_json(tmp_path / "bare.json", users)
    k.write_json(tmp_path / "compact.json", k.pages(users, size=2), indent=None)
    emails = {
        p: [u.email for u in read(tmp_path, p).users] for p in ("one.json", "pages.json", "bare.json", "compact.json")
    }
    assert len(set(map(tuple, emails.values()))) == 1
    compact = read(tmp_path, "compact.json")
    assert all(u.at.line == 1 for u in compact.users)
    assert len({u.at.column for u in compact.users}) == 5


def test_channel_statuses_and_program_types(tmp_path: Path) -> None:
    k.write_json(tmp_path / "c.json", k.response([k.channel(1, "Webinar", "webinar", [("Attended", 30, True)])]))
    (channel,) = read(tmp_path).channels
    assert channel.kind == "event-with-webinar"
    assert [(s.name, s.step, s.success) for s in channel.statuses] == [
        ("Not in Program", 0, False),
        ("Attended", 30, True),
    ]
    text = (tmp_path / "c.json").read_text().splitlines()
    for status in channel.statuses:
        assert text[status.at.line - 1][status.at.column - 1 :].startswith(f'"name": "{status.name}"')


def test_users_roles_and_dates(tmp_path: Path) -> None:
    k.write_json(tmp_path / "u.json", [k.user("a@example.com", "A", "B", ["Admin", "Admin", "Analyst"], api_only=True)])
    (user,) = read(tmp_path).users
    assert user.role_names == ("Admin", "Analyst")
    assert user.api_only and not user.locked
    assert user.last_login_at == dt.datetime(2026, 11, 20, 1, 2, 23, tzinfo=UTC)


def test_hubspot_property_and_workflows(tmp_path: Path) -> None:
    k.write_json(tmp_path / "prop.json", k.hubspot_property("lifecyclestage", "Lifecycle Stage", [("Lead", "lead")]))
    k.write_json(tmp_path / "flows.json", k.workflows_v4([("7", "Welcome", True), ("8", "Old", False)]))
    legacy = {"workflows": [{"id": 9, "name": "Legacy", "type": "DRIP_DELAY", "enabled": True,
                             "insertedAt": 1580864543000, "updatedAt": 1580864543000, "portalId": 1}]}  # fmt: skip
    k.write_json(tmp_path / "v3.json", legacy)
    got = read(tmp_path)
    assert [(o.label, o.value) for o in got.hubspot_properties[0].options] == [("Lead", "lead")]
    assert [(w.name, w.enabled) for w in got.workflows] == [("Welcome", True), ("Old", False), ("Legacy", True)]
    assert got.workflows[2].updated_at == dt.datetime(2020, 2, 5, 1, 2, 23, tzinfo=UTC)


# --------------------------------------------------------------------------- CSV dialects


ROWS = [k.LEAD_STATUS_HEADER, *k.LEAD_STATUSES]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_every_encoding_and_delimiter(tmp_path: Path, encoding: str, delimiter: str) -> None:
    rows = [*ROWS, ["Qualifié", "Qualifié", "5", "false", "false"]]
    k.write_csv(tmp_path / "ls.csv", rows, encoding=encoding, delimiter=delimiter)
    got = read(tmp_path)
    assert [s.label for s in got.lead_statuses][-1] == "Qualifié"
    assert [s.sort_order for s in got.lead_statuses] == [1, 2, 3, 4, 5]
    assert [s.converted for s in got.lead_statuses] == [False, False, True, False, False]
    (file,) = got.files
    noted = any("Windows-1252" in n for n in file.notes)
    assert noted == (encoding == "cp1252")
    assert got.diagnostics == []


def test_quoted_line_breaks_keep_physical_lines(tmp_path: Path) -> None:
    rows = [
        ["Name", "Type", "Status", "IsActive", "Description"],
        ["2026-01_WBN_A", "Webinar", "Completed", "false", "two\nlines"],
        ["2026-02_WBN_B", "Webinar", "In Progress", "true", "three\r\nphysical\r\nlines"],
        ["2026-03_WBN_C", "Webinar", "Planned", "true", ""],
    ]
    k.write_csv(tmp_path / "campaigns.csv", rows)
    got = read(tmp_path)
    assert [(c.name, c.at.line, c.at.column) for c in got.sf_campaigns] == [
        ("2026-01_WBN_A", 2, 1),
        ("2026-02_WBN_B", 4, 1),
        ("2026-03_WBN_C", 7, 1),
    ]
    assert [c.active for c in got.sf_campaigns] == [False, True, True]


def test_cell_column_after_quoted_cells(tmp_path: Path) -> None:
    rows = [["CampaignId", "Label", "HasResponded"], ['701"x', "Attended", "true"]]
    k.write_csv(tmp_path / "ms.csv", rows, quote_all=True)
    (status,) = read(tmp_path).member_statuses
    line = (tmp_path / "ms.csv").read_text().splitlines()[1]
    assert line[status.at.column - 1 :].startswith('"Attended"')
    assert status.responded is True


def test_report_footer_is_skipped_with_a_note(tmp_path: Path) -> None:
    rows = [["Lead Status", "Sort Order", "Converted"], ["Open", "1", "0"]]
    k.write_csv(tmp_path / "report.csv", rows, quote_all=True, footer=True)
    got = read(tmp_path)
    assert [s.label for s in got.lead_statuses] == ["Open"]
    assert any("footer" in n for n in got.files[0].notes)


def test_excel_sep_line(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("sep=;\nLabel;Responded\nSent;0\nClicked;1\n", encoding="utf-8")
    got = read(tmp_path)
    assert [(m.label, m.responded, m.at.line) for m in got.member_statuses] == [
        ("Sent", False, 3),
        ("Clicked", True, 4),
    ]


def test_users_spreadsheet_headers_by_synonym(tmp_path: Path) -> None:
    k.write_csv(
        tmp_path / "users.csv",
        [["E-mail Address", "First Name", "Last Name", "Roles", "Last Login"],
         ["a@example.com", "A", "B", "Admin; Marketing User", "11/18/2026 3:25 PM"]],
    )  # fmt: skip
    (user,) = read(tmp_path).users
    assert user.role_names == ("Admin", "Marketing User")
    assert user.last_login_at == dt.datetime(2026, 11, 18, 15, 25, tzinfo=UTC)


def test_exports_entry_maps_type_and_columns(tmp_path: Path) -> None:
    k.write_csv(tmp_path / "odd.csv", [["Who", "Seen"], ["a@example.com", "2026-11-01"]])
    settings = Settings.model_validate(
        {"exports": [{"path": "odd.csv", "type": "marketo-users", "columns": {"email": "Who", "last_login": "Seen"}}]}
    )
    without = read(tmp_path)
    assert [d.code for d in without.diagnostics] == ["FILE001"]
    assert "Who, Seen" in without.diagnostics[0].message
    (user,) = read(tmp_path, settings=settings).users
    assert user.email == "a@example.com" and user.last_login_at == dt.datetime(2026, 11, 1, tzinfo=UTC)


def test_names_text_list_and_column(tmp_path: Path) -> None:
    (tmp_path / "names.txt").write_text("2026-01_WBN_A\n\nWebinar Jan\n", encoding="utf-8")
    k.write_csv(tmp_path / "names.csv", [["Program Name", "Created"], ["2026-02_EM_B", "2026-02-01"]])
    settings = Settings.model_validate({"exports": [{"path": "names.*", "type": "names", "system": "marketo"}]})
    got = read(tmp_path, settings=settings)
    assert [(n.name, n.at.line, n.system) for n in got.names] == [
        ("2026-02_EM_B", 2, "marketo"),
        ("2026-01_WBN_A", 1, "marketo"),
        ("Webinar Jan", 3, "marketo"),
    ]


# --------------------------------------------------------------------------- FILE001


HOSTILE: dict[str, bytes] = {
    "empty.json": b"",
    "truncated.json": b'{"success": true, "result": [{"id": 1, "name": "A"}',
    "trailing.json": b'[{"name": "a"}] [1]',
    "scalar.json": b"[1, 2, 3]",
    "deep.json": b"[" * 100_000,
    "nul.csv": b"a,b\x00c\n",
    "zip.csv": b"PK\x03\x04rest",
    "xls.csv": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    "bad-bom.csv": b"\xef\xbb\xbf\xff\xfe",
    "unknown.json": b'{"foo": 1}',
    "error.json": b'{"success": false, "errors": [{"code": "606", "message": "Max rate limit exceeded"}]}',
    "bad-utf16.csv": b"\xff\xfe\x00\xd8",
    "blank.csv": b"\n\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_unreadable_files_are_one_located_file001_each(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(HOSTILE[name])
    k.write_json(tmp_path / "zz-users.json", [k.user("a@example.com", "A", "B")])
    got = read(tmp_path)
    assert [(d.code, d.location.path) for d in got.diagnostics] == [("FILE001", name)]
    assert got.diagnostics[0].location.line >= 1
    assert [u.email for u in got.users] == ["a@example.com"]  # the rest is still read


def test_json_error_points_at_the_place(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"result": [\n  {"id": 1,},\n]}', encoding="utf-8")
    (d,) = read(tmp_path).diagnostics
    assert (d.location.line, d.location.column) == (2, 12)


def test_missing_path_and_folder_walk(tmp_path: Path) -> None:
    (tmp_path / "a" / ".hidden").mkdir(parents=True)
    k.write_json(tmp_path / "a" / "deep" / "u.json", [k.user("a@example.com", "A", "B")])
    k.write_json(tmp_path / "a" / ".hidden" / "u.json", [k.user("b@example.com", "A", "B")])
    (tmp_path / "a" / "README.md").write_text("# notes", encoding="utf-8")
    got = read_exports([tmp_path / "a", tmp_path / "nope.json"], root=tmp_path)
    assert [u.email for u in got.users] == ["a@example.com"]
    assert [(d.code, d.location.path) for d in got.diagnostics] == [("FILE001", "nope.json")]
    assert got.files[0].path == "a/deep/u.json"


def test_a_users_export_without_last_logins_says_nothing_about_them(tmp_path: Path) -> None:
    k.write_csv(tmp_path / "users.csv", [["Email", "First Name", "Roles"], ["a@example.com", "A", "Admin"]])
    (user,) = read(tmp_path).users
    assert user.last_login_at is None and not user.logins_exported
    k.write_json(tmp_path / "users.csv", [k.user("a@example.com", "A", "B", last_login=None)])
    (user,) = read(tmp_path).users
    assert user.last_login_at is None and user.logins_exported  # null in the API: never logged in
