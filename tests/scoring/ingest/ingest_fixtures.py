"""Small hand-written export files in the shapes real LinkedIn archives have.

Every person, company and text is invented. Row counts and values that the tests
expect are stated beside each fixture. The owner is Anna Beispiel.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date

from scoring.ingest import read_export as _read_export

OWNER_URL = "https://www.linkedin.com/in/anna-beispiel"

# 2022+: three preamble lines, a hidden-profile row (only Connected On), an
# e-mail in one row, no newline after the last row. 4 rows, 1 hidden.
CONNECTIONS = (
    b"Notes:\n"
    b'"When exporting your connection data, you may notice that some of the email addresses'
    b" are missing. You will only see email addresses for connections who have allowed their"
    b" connections to see or download their email address using this setting"
    b" https://www.linkedin.com/psettings/privacy/email. You can learn more here"
    b' https://www.linkedin.com/help/linkedin/answer/261"\n'
    b"\n"
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Lena,Hartmann,https://www.linkedin.com/in/lena-hartmann-4b1a2,,"
    b"Nordwind Logistik GmbH,Head of Procurement,08 Feb 2026\n"
    b"Tobias,Kr\xc3\xbcger,https://www.linkedin.com/in/tobias-krueger,"
    b'tobias.krueger@example.com,"Elbe Maschinenbau, KG",'
    b"Gesch\xc3\xa4ftsf\xc3\xbchrer,15 Jan 2026\n"
    b",,,,,,03 Dec 2025\n"
    b"Aylin,Demir,https://www.linkedin.com/in/aylin-demir-91,,Helio Systems,"
    b"Account Executive,21 Nov 2025"
)

# 2018: no preamble, no URL column, dates like 9/9/18, 9:05 PM. 2 rows.
CONNECTIONS_2018 = (
    b"First Name,Last Name,Email Address,Company,Position,Connected On\n"
    b'Jonas,Weber,,Acme Corp,Sales Manager,"9/9/18, 9:05 PM"\n'
    b'Mia,Schulz,,Beta AG,CTO,"12/24/17, 10:15 AM"\n'
)

# Re-saved in Excel: BOM, CRLF, preamble padded with commas, 9-Sep-22 dates. 2 rows.
CONNECTIONS_EXCEL = (
    b"\xef\xbb\xbfNotes:,,,,,,\r\n"
    b'"When exporting your connection data, you may notice that some of the email addresses'
    b' are missing.",,,,,,\r\n'
    b",,,,,,\r\n"
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    b"Lena,Hartmann,https://www.linkedin.com/in/lena-hartmann-4b1a2,,Nordwind,CPO,9-Sep-22\r\n"
    b"Paul,Richter,https://www.linkedin.com/in/paul-richter,,Helio,CEO,28-Feb-23\r\n"
)

# Excel with German regional settings: semicolons, Windows-1252, dd.mm.yyyy. 2 rows.
CONNECTIONS_EXCEL_DE = (
    "First Name;Last Name;URL;Email Address;Company;Position;Connected On\r\n"
    "Jürgen;Maaß;https://www.linkedin.com/in/juergen-maass;;Müller & Söhne;Einkäufer;09.09.2022\r\n"
    "Eva;Roth;https://www.linkedin.com/in/eva-roth;;Helio;CTO;28.02.2023\r\n"
).encode("cp1252")

# 7 columns (2023+): 3 rows, 2 outgoing (one with a note), 1 incoming. The first
# invitee is Lena, written without www and with a final slash.
INVITATIONS = (
    b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    b'Anna Beispiel,Lena Hartmann,"1/29/26, 2:37 PM","Hi Lena, great talk at the fair!",'
    b"OUTGOING,https://www.linkedin.com/in/anna-beispiel,"
    b"https://linkedin.com/in/lena-hartmann-4b1a2/\n"
    b'Anna Beispiel,Paul Richter,"1/30/26, 9:05 AM",,OUTGOING,'
    b"https://www.linkedin.com/in/anna-beispiel,https://www.linkedin.com/in/paul-richter\n"
    b'Aylin Demir,Anna Beispiel,"11/20/25, 6:10 PM",,INCOMING,'
    b"https://www.linkedin.com/in/aylin-demir-91,https://www.linkedin.com/in/anna-beispiel\n"
)

# Up to 2023: only the first five columns. 2 rows.
INVITATIONS_2022 = (
    b"From,To,Sent At,Message,Direction\n"
    b'Anna Beispiel,Jonas Weber,"3/01/22, 8:15 AM",,OUTGOING\n'
    b'Mia Schulz,Anna Beispiel,"3/02/22, 4:45 PM",Hello!,INCOMING\n'
)

# 2025 shape with draft columns. 6 rows: 1 without a date (skipped), 1 sponsored,
# 1 draft, 3 by the owner, one body spans two lines and has "" escapes.
MESSAGES = (
    b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    b"DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT,IS CONVERSATION DRAFT\n"
    b"2-AbC1==,,Anna Beispiel,https://www.linkedin.com/in/anna-beispiel,Lena Hartmann,"
    b"https://www.linkedin.com/in/lena-hartmann-4b1a2,2025-06-01 14:03:22 UTC,,"
    b'"Hallo Lena, danke f\xc3\xbcr das Gespr\xc3\xa4ch!",INBOX,No,No\n'
    b"2-AbC1==,,Lena Hartmann,https://www.linkedin.com/in/lena-hartmann-4b1a2,Anna Beispiel,"
    b"https://www.linkedin.com/in/anna-beispiel,2025-06-01 15:10:00 UTC,,"
    b'"Gerne! Ein ""kurzes"" Update:\nzweite Zeile",INBOX,No,No\n'
    b"2-XyZ9==,Sponsored,Nordwind Recruiting,,Anna Beispiel,"
    b"https://www.linkedin.com/in/anna-beispiel,2025-06-03 08:00:00 UTC,Your next role,"
    b'"<p class=""spinmail-quill-editor__spin-break"">Join us</p>",INBOX,No,No\n'
    b"2-Grp7==,Vertriebsrunde,Anna Beispiel,https://www.linkedin.com/in/anna-beispiel,"
    b'"Lena Hartmann,Tobias Kr\xc3\xbcger","https://www.linkedin.com/in/lena-hartmann-4b1a2,'
    b'https://www.linkedin.com/in/tobias-krueger",2025-06-04 09:00:00 UTC,,Hi both,ARCHIVE,No,No\n'
    b"2-Grp7==,Vertriebsrunde,Anna Beispiel,https://www.linkedin.com/in/anna-beispiel,"
    b'"Lena Hartmann,Tobias Kr\xc3\xbcger",,2025-06-05 09:00:00 UTC,,Entwurf,,Yes,No\n'
    b"2-Bad0==,,Tobias Kr\xc3\xbcger,https://www.linkedin.com/in/tobias-krueger,Anna Beispiel,"
    b"https://www.linkedin.com/in/anna-beispiel,,,Ohne Datum,INBOX,No,No\n"
)

# 2026: every field quoted, header too; an ATTACHMENTS column. 2 rows, 1 by the owner.
MESSAGES_2026 = (
    b'"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    b'"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS"\n'
    b'"2-Q1==","","Lena Hartmann","https://www.linkedin.com/in/lena-hartmann-4b1a2",'
    b'"Anna Beispiel","https://www.linkedin.com/in/anna-beispiel","2026-01-10 10:00:00 UTC",'
    b'"","Hallo Anna","INBOX",""\n'
    b'"2-Q1==","","Anna Beispiel","https://www.linkedin.com/in/anna-beispiel",'
    b'"Lena Hartmann","https://www.linkedin.com/in/lena-hartmann-4b1a2",'
    b'"2026-01-10 10:05:00 UTC","","Hallo Lena","INBOX",""\n'
)

# 2018: Messages.csv with From,To,Date,Subject,Content,Direction,Folder. 3 rows;
# the first two are one conversation (Anna and Jonas), the owner sent the first.
MESSAGES_2018 = (
    b"From,To,Date,Subject,Content,Direction,Folder\n"
    b'Anna Beispiel,Jonas Weber,"9/10/18, 8:00 AM",Hello,Hi Jonas,OUTGOING,INBOX\n'
    b'Jonas Weber,Anna Beispiel,"9/10/18, 9:30 AM",RE: Hello,Hi Anna,INCOMING,INBOX\n'
    b'Mia Schulz,Anna Beispiel,"9/11/18, 7:00 PM",Question,Quick question,INCOMING,INBOX\n'
)

MESSAGES_NONE = b"No conversations found\n"

SHARE_1 = "Three lessons from 40 discovery calls:\n\n1. Listen first"
SHARE_3 = "Group question"
# 2025: LF; a multi-line post (each line wrapped in doubled quotes), a reshare,
# a group post with media. 3 rows.
SHARES = (
    b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
    b"2025-07-01 14:33:22,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7081,"
    b'"""Three lessons from 40 discovery calls:""\n""""\n""1. Listen first""",,,MEMBER_NETWORK\n'
    b"2025-07-03 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7082,"
    b"Short post,https://example.com/article,,PUBLIC\n"
    b"2025-07-05 12:00:00,"
    b"https://www.linkedin.com/feed/update/urn%3Ali%3AgroupPost%3A12345-7083,"
    b'"""Group question""",,https://media.licdn.com/dms/image/x.jpg,CONNECTIONS\n'
)

# 2022: CRLF everywhere, SharedURL/MediaURL spelling, a "\r\n" line break inside. 2 rows.
SHARES_2022 = (
    b"Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility\r\n"
    b"2022-03-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,"
    b'"""Line one""\r\n""Line two""",,,PUBLIC\r\n'
    b"2022-03-02 11:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A2,,"
    b"https://example.com/x,,PUBLIC\r\n"
)

COMMENT_1 = 'Great point, "discovery" matters'
COMMENT_3 = 'She said "no", then "yes"'
# Quotes escaped with a backslash, not doubled. 3 rows, 1 in a group.
COMMENTS = (
    b"Date,Link,Message\n"
    b"2025-08-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1,"
    b'"Great point, \\"discovery\\" matters"\n'
    b"2025-08-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3AgroupPost%3A5-2,"
    b'"Agreed"\n'
    b"2025-08-03 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A3,"
    b'"She said \\"no\\", then \\"yes\\""\n'
)

# 3 rows: a reaction to a comment, one in a group.
REACTIONS = (
    b"Date,Type,Link\n"
    b"2025-08-04 08:00:00,LIKE,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A9\n"
    b"2025-08-04 09:00:00,PRAISE,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A9"
    b"?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A9%2C77%29\n"
    b"2025-08-05 10:00:00,empathy,"
    b"https://www.linkedin.com/feed/update/urn%3Ali%3AgroupPost%3A5-10\n"
)

# CRLF. 2 rows.
VOTES = (
    b"Date,Link,OptionText\r\n"
    b"2025-08-06 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A20,Yes\r\n"
    b"2025-08-07 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A21,No\r\n"
)

# InstantReposts_<id>.csv (2026). 2 rows.
REPOSTS = (
    b"Date,Link\n"
    b"2026-01-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A30\n"
    b"2026-01-03 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A31\n"
)

PROFILE = (
    b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
    b"Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    b"Anna,Beispiel,,,Aug 12,Enterprise sales for logistics software,,"
    b"Software Development,,Hamburg,,[COMPANY:https://example.com],\n"
)

PROFILE_SUMMARY = (
    b'Profile Summary\n"I help logistics teams buy software.\nTen years in SaaS sales."\n'
)

# Current position has an empty Finished On. 2 rows.
POSITIONS = (
    b"Company Name,Title,Description,Location,Started On,Finished On\n"
    b'Helio Systems,Senior Account Executive,"Owns DACH enterprise accounts.",Berlin,'
    b"Aug 2023,\n"
    b"Nordwind Logistik GmbH,Sales Manager,,Hamburg,Mar 2019,Jul 2023\n"
)

# Year-only and month-year dates. 2 rows.
EDUCATION = (
    b"School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
    b"Universit\xc3\xa4t Hamburg,2013,2017,,Bachelor of Science,\n"
    b"HSBA Hamburg,Aug 2019,Jul 2021,,Master of Business Administration,Debating\n"
)

SKILLS = b"Name\nNegotiation\nSolution Selling\nSalesforce\n"

# 2022 pair: UTF-8 without Public Url (3 rows, ACCEPTED) beside a UTF-16LE,
# tab-separated, fully quoted file with Display Status (3 rows, Redacted): two of
# those repeat UTF-8 rows (same date, skill, endorser), one is new.
ENDORSEMENTS_UTF8 = (
    b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status\n"
    b"2022/07/01 12:00:00 UTC,Negotiation,Lena,Hartmann,ACCEPTED\n"
    b"2022/07/02 12:00:00 UTC,Salesforce,Tobias,Kr\xc3\xbcger,ACCEPTED\n"
    b"2022/07/03 12:00:00 UTC,Negotiation,Aylin,Demir,ACCEPTED\n"
)
ENDORSEMENTS_UTF16 = ("\ufeff" + "\r\n".join(
    "\t".join(f'"{cell}"' for cell in row)
    for row in (
        ("Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
         "Endorser Public Url", "Endorsement Status", "Display Status"),
        ("2022/07/01 12:00:00 UTC", "Negotiation", "Lena", "Hartmann",
         "https://www.linkedin.com/in/lena-hartmann-4b1a2", "Redacted", "HIDDEN"),
        ("2022/07/02 12:00:00 UTC", "Salesforce", "Tobias", "Krüger",
         "https://www.linkedin.com/in/tobias-krueger", "Redacted", "HIDDEN"),
        ("2021/01/15 09:30:00 UTC", "Solution Selling", "Paul", "Richter",
         "https://www.linkedin.com/in/paul-richter", "Redacted", "HIDDEN"),
    )
)).encode("utf-16-le")  # fmt: skip

ENDORSEMENTS_GIVEN = (
    b"Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,"
    b"Endorsee Public Url,Endorsement Status\n"
    b"2024/02/01 08:00:00 UTC,Logistics,Lena,Hartmann,"
    b"https://www.linkedin.com/in/lena-hartmann-4b1a2,ACCEPTED\n"
    b"2024/02/02 08:00:00 UTC,SAP,Paul,Richter,https://www.linkedin.com/in/paul-richter,"
    b"ACCEPTED\n"
)

# Status VISIBLE or empty. 2 rows.
RECOMMENDATIONS_RECEIVED = (
    b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    b'Lena,Hartmann,Nordwind Logistik GmbH,Head of Procurement,"Anna knows logistics.",'
    b'"12/05/24, 10:15 AM",VISIBLE\n'
    b'Paul,Richter,Helio Systems,CEO,"Great seller.","01/10/25, 4:00 PM",\n'
)

CERTIFICATIONS = (
    b"Name,Url,Authority,Started On,Finished On,License Number\n"
    b"Certified Sales Professional,https://example.org/c/1,NASP,Oct 2022,Oct 2025,A-1\n"
)

COURSES = b"Name,Number\nNegotiation Mastery,N-101\n"
LANGUAGES = (
    b"Name,Proficiency\n"
    b"German,Native or bilingual proficiency\n"
    b"English,Full professional proficiency\n"
)

PROJECTS = b"Title,Description,Url,Started On,Finished On\nCRM rollout,,,Nov 2022,Mar 2023\n"
PROJECTS_2018 = b"Title,Description,Url,Start Date,End Date\nTrade fair stand,,,Apr 2017,May 2017\n"

HONORS = b"Title,Description,Issued On\nSeller of the year,,May 2023\n"
HONORS_2018 = b"Title,Description,Issuer,Issue Date\nPresident's Club,,Helio,Jan 2018\n"

VOLUNTEERING = (
    b"Company Name,Role,Cause,Started On,Finished On,Description\n"
    b"Tafel Hamburg,Driver,Poverty Alleviation,Jun 2019,,\n"
)

PUBLICATIONS = (
    b"Name,Published On,Description,Publisher,Url\n"
    b'Buying software in logistics,"May 12, 2023",,Logistik Heute,https://example.org/p\n'
)

# 2 rows.
SEARCH_QUERIES = (
    b"Time,Search Query\n"
    b"2025/08/01 10:00:00 UTC,head of procurement hamburg\n"
    b"2025/08/02 11:30:00 UTC,logistics\n"
)

# 2018: "Search Queries.csv", UTF-16LE with BOM, tab-separated, every field quoted. 2 rows.
SEARCH_QUERIES_2018 = (
    "\ufeff"
    '"Time"\t"Search Query"\r\n'
    '"2018/03/01 10:00:00 UTC"\t"sales manager"\r\n'
    '"2018/03/02 11:00:00 UTC"\t"crm"\r\n'
).encode("utf-16-le")

COMPANY_FOLLOWS = (
    b"Organization,Followed On\n"
    b"Helio Systems,Tue Aug 16 12:34:56 UTC 2022\n"
    b"Nordwind Logistik GmbH,Wed Jan 04 08:00:00 UTC 2023\n"
)

MEMBER_FOLLOWS = (
    b"Date,Status,FullName\n"
    b"2025-01-01 10:00:00,Active,Lena Hartmann\n"
    b"2025-02-01 10:00:00,Unfollow,Paul Richter\n"
)

HASHTAG_FOLLOWS = (
    b"HashTag,CreatedTime,LastModifiedTime,State\n"
    b"sales,2024-03-01T10:00:00,2024-03-01T10:00:00,FOLLOW\n"
)

SAVED_ITEMS = b"savedItem,createdTime\nurn:li:activity:40,2024-05-02T11:00:00.000\n"
SAVED_ITEMS_2025 = b"savedItem,CreatedTime\nurn:li:activity:41,2025-05-02T11:00:00\n"

# One upload of each kind. 5 rows.
RICH_MEDIA = (
    b"Date/Time,Media Description,Media Link\n"
    b'"You uploaded a profile photo on March 9, 2025 at 9:04 AM (GMT)", -,'
    b"https://media.licdn.com/1\n"
    b'"You uploaded a profile background photo on March 9, 2025 at 9:10 AM (GMT)", -,'
    b"https://media.licdn.com/2\n"
    b'"You uploaded a feed photo on April 2, 2025 at 5:30 PM (GMT)",Our booth,'
    b"https://media.licdn.com/3\n"
    b'"You uploaded a feed video on April 3, 2025 at 12:00 PM (GMT)", -,'
    b"https://media.licdn.com/4\n"
    b'"You uploaded a feed document on December 1, 2024 at 11:59 PM (GMT)", -,'
    b"https://media.licdn.com/5\n"
)

# 2022-23: "Rich Media.csv" with Type,Link and no date. 2 rows.
RICH_MEDIA_2022 = b"Type,Link\nProfile Photo,https://media.licdn.com/6\nBackground Photo,https://media.licdn.com/7\n"

EVENTS = (
    b"Event Name,Event Time,Status,External Url\n"
    b'Sales Summit Hamburg,"Sep 12, 2024 06:00 PM - Sep 12, 2024 07:00 PM",Attending,\n'
)

# Trailing comma in the header (an empty 8th column); N/A for "never". 2 rows.
LEARNING = (
    b"Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),"
    b"Content Completed At (if completed),Content Saved,Notes taken on videos (if taken),\n"
    b"Negotiation Foundations,,Course,2023-05-01 14:22 UTC,2023-05-03 18:00 UTC,false,,\n"
    b"Social Selling,,Video,N/A,N/A,true,,\n"
)

SAVED_JOBS = (
    b"Saved Date,Job Url,Job Title,Company Name\n"
    b'"9/14/22, 9:05 AM",https://www.linkedin.com/jobs/view/1,Key Account Manager,Helio\n'
)

JOB_APPLICATIONS = (
    b"Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,"
    b"Resume Name,Question And Answers\n"
    b'"10/01/22, 3:00 PM",anna@example.com,,Nordwind,Sales Director,'
    b"https://www.linkedin.com/jobs/view/2,cv.pdf,\n"
)

ARTICLE_NEW = "Articles/Articles/2025-11-21 17_31_01.0-TOON vs JSON.html"
ARTICLE_2018 = "Articles/2018-03-04 10:11:12.html"
ARTICLE_HTML = (
    b"<html><head><title>Why we sell</title></head><body><h1>Why we sell</h1></body></html>"
)

#: A Complete archive with one file of every kind (current names and shapes).
COMPLETE: dict[str, bytes] = {
    "Connections.csv": CONNECTIONS,
    "Invitations.csv": INVITATIONS,
    "messages.csv": MESSAGES,
    "Shares_17529409.csv": SHARES,
    "Comments_17529409.csv": COMMENTS,
    "Reactions_17529409.csv": REACTIONS,
    "Votes.csv": VOTES,
    "InstantReposts_17529409.csv": REPOSTS,
    "Profile.csv": PROFILE,
    "Profile Summary.csv": PROFILE_SUMMARY,
    "Positions.csv": POSITIONS,
    "Education.csv": EDUCATION,
    "Skills.csv": SKILLS,
    "Endorsement_Received_Info.csv": ENDORSEMENTS_UTF8,
    "Endorsement_Given_Info.csv": ENDORSEMENTS_GIVEN,
    "Recommendations_Received.csv": RECOMMENDATIONS_RECEIVED,
    "Recommendations_Given.csv": RECOMMENDATIONS_RECEIVED,
    "Certifications.csv": CERTIFICATIONS,
    "Courses.csv": COURSES,
    "Languages.csv": LANGUAGES,
    "Projects.csv": PROJECTS,
    "Honors.csv": HONORS,
    "Volunteering.csv": VOLUNTEERING,
    "Publications.csv": PUBLICATIONS,
    "SearchQueries.csv": SEARCH_QUERIES,
    "Company Follows.csv": COMPANY_FOLLOWS,
    "Member_Follows.csv": MEMBER_FOLLOWS,
    "Hashtag_Follows.csv": HASHTAG_FOLLOWS,
    "Saved_Items.csv": SAVED_ITEMS,
    "Rich_Media.csv": RICH_MEDIA,
    "Events.csv": EVENTS,
    "Learning.csv": LEARNING,
    "Jobs/Saved Jobs.csv": SAVED_JOBS,
    "Jobs/Job Applications.csv": JOB_APPLICATIONS,
    ARTICLE_NEW: ARTICLE_HTML,
    "Logins.csv": b"Login Date,IP Address,User Agent,Login Type\n",
    "guide_messages.csv": b"CONVERSATION ID,FROM,DATE,CONTENT\n",
}

#: What LinkedIn's Basic archive holds: no activity files.
BASIC: dict[str, bytes] = {
    name: COMPLETE[name]
    for name in ("Connections.csv", "Invitations.csv", "messages.csv", "Profile.csv",
                 "Positions.csv", "Education.csv", "Skills.csv")
}  # fmt: skip


def zip_bytes(files: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip holding ``files`` (name → bytes) in the given order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


#: The caller's "today" for exports that nothing else dates (the reader never reads a clock).
TODAY = date(2026, 11, 30)


def read_export(sources, **options):
    """``scoring.ingest.read_export`` with :data:`TODAY` as the caller's today."""
    options.setdefault("today", TODAY)
    return _read_export(sources, **options)
