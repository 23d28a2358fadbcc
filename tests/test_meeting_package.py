import base64
import io
import subprocess
import zipfile
from datetime import date

from docx import Document

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user, tagged

from .common_documents import HeldMeetingCase, normalize_pdf_text
from .office_suite import OfficeSuiteReader

EXPECTED_DOCUMENTS = [
    'Situation Report', 'Meeting Minutes', 'Team Check Material', 'Personal Outline', 'Personal Outline',
    'Personal Outline', 'Personal Outline', 'Personal Outline', 'Problem List and Rectification List',
    'Summary of Collected Opinions', 'Attendance',
]


@tagged('post_install', '-at_install')
class TestMeetingPackage(OfficeSuiteReader, HeldMeetingCase):
    """The submission package of the held meeting: what it holds, in which order, how it is
    sent, signed for, returned and sent again."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.sudo().report_date = False  # sending the package sets it
        cls.meeting.activity_ids.unlink()
        Statement = cls.env['party.meeting.statement']
        cls.team_material = Statement.create({'meeting_id': cls.meeting.id, 'kind': 'team',
                                              'author_user_id': cls.zhao.id})
        for user in cls.members:
            Statement.create({'meeting_id': cls.meeting.id, 'kind': 'personal', 'author_user_id': user.id})
        Opinion = cls.env['party.meeting.opinion']
        Opinion.create({'meeting_id': cls.meeting.id, 'date': '2022-01-10', 'source': 'public',
                        'content': 'OPINION-TEAM visit the squads more often.'})
        Opinion.create({'meeting_id': cls.meeting.id, 'date': '2022-01-10', 'concerns_team': False,
                        'concerned_user_ids': [(6, 0, cls.qian.ids)], 'content': 'OPINION-QIAN answers late.'})
        # The organization department also supervises the group; its person Kong signs for it.
        cls.kong = new_test_user(cls.env, login='t_kong', name='Kong Reader', tz='Asia/Shanghai',
                                 groups='base.group_user,party_democratic_life.group_party_observer')
        cls.department = cls.env['party.upper.body'].create({
            'name': 'County Organization Department', 'kind': 'organization_department', 'email': 'od@example.com',
            'user_ids': [(6, 0, cls.kong.ids)]})
        cls.organization.write({'upper_body_ids': [(4, cls.department.id)], 'report_number_prefix': 'Bureau PG'})
        cls.env.cr.flush()

    def zip_names(self, package):
        with zipfile.ZipFile(io.BytesIO(package.zip_attachment_id.raw)) as zipped:
            return zipped.namelist(), {name: zipped.read(name) for name in zipped.namelist()}

    def docx_text(self, content):
        document = Document(io.BytesIO(content))
        return ' '.join(paragraph.text for paragraph in self.docx_paragraphs(document))

    @freeze_time('2022-01-30 10:00:00')
    def test_package_holds_the_documents_in_order_and_nothing_confidential(self):
        with self.allow_pdf_render():
            self.meeting.with_user(self.wu).with_context(force_report_rendering=True).action_prepare_package()
        package = self.meeting.package_ids
        self.assertEqual((package.version, package.state), (1, 'draft'))
        # 发文字号 from the organisation's yearly sequence; the principal signs it off
        self.assertEqual(self.meeting.report_number, 'Bureau PG〔2022〕1号')
        titles = [title for title, _page in package.contents]
        self.assertEqual([title.split('-')[0] for title in titles], EXPECTED_DOCUMENTS)
        self.assertEqual([title.split('-')[1] for title in titles[3:8]], self.members.mapped('name'),
                         'the outlines in the order of the team')
        pages = [page for _title, page in package.contents]
        self.assertEqual(pages[0], 2, 'the contents page comes first')
        self.assertEqual(pages, sorted(pages))
        # the merged PDF: the contents page lists the documents in the same order
        pdf = package.pdf_attachment_id
        self.assertEqual((pdf.res_model, pdf.res_id, pdf.mimetype), ('party.meeting', self.meeting.id, 'application/pdf'))
        first_page = normalize_pdf_text(subprocess.run(
            ['pdftotext', '-f', '1', '-l', '1', '-', '-'], input=pdf.raw, capture_output=True, check=True).stdout.decode())
        positions = [first_page.find(normalize_pdf_text(title)) for title in titles]
        self.assertNotIn(-1, positions, first_page)
        self.assertEqual(positions, sorted(positions))
        text = normalize_pdf_text(subprocess.run(
            ['pdftotext', '-', '-'], input=pdf.raw, capture_output=True, check=True).stdout.decode())
        self.assertIn(normalize_pdf_text('Bureau PG〔2022〕1号'), text)
        self.assertIn(normalize_pdf_text('OPINION-TEAM visit'), text)
        # the zip: the same documents as Word files, in the same order
        names, files = self.zip_names(package)
        self.assertEqual(names, [f'{index:02d}-{title}.docx' for index, title in enumerate(titles, start=1)])
        texts = {name: self.docx_text(content) for name, content in files.items()}
        self.assertIn('Zhao Dongping', texts[names[0]])
        # talk records and criticism texts stay home: the minutes alone record the criticisms
        for name, content in texts.items():
            self.assertNotIn('Talked through the key aspects', content, name)
            if 'Meeting Minutes' not in name:
                self.assertNotIn('criticises', content, name)
        self.assertNotIn('Talked through the key aspects', text)
        self.assertFalse([name for name in names if 'Talk' in name or 'Criticism' in name])
        # opinions without anyone's name as their giver, grouped for the team and per member
        opinions = texts[names[9]]
        self.assertIn('OPINION-TEAM', opinions)
        self.assertIn('OPINION-QIAN', opinions)
        self.assertLess(opinions.index('OPINION-TEAM'), opinions.index('OPINION-QIAN'))
        # LibreOffice opens the Word files (the attendance one, cheapest)
        office = self.office_docx_texts({'attendance': files[names[-1]]})
        self.assertIn(normalize_pdf_text('In hospital'), office['attendance'])

    @freeze_time('2022-01-30 10:00:00')
    def test_sending_sets_the_report_date_which_cannot_be_typed(self):
        with self.assertRaisesRegex(UserError, 'changes only through Send Package'):
            self.meeting.with_user(self.zhao).write({'report_date': '2022-01-29'})
        with self.assertRaisesRegex(UserError, 'only the principal'):
            self.meeting.with_user(self.wu).action_send_package()
        self.meeting.with_user(self.zhao).action_send_package()
        package = self.meeting.package_ids
        self.assertEqual(self.meeting.report_date, date(2022, 1, 30))
        self.assertEqual((package.state, package.sent_on, package.sent_by_id), ('sent', date(2022, 1, 30), self.zhao))
        self.assertEqual(package.recipient_ids.body_id, self.commission | self.department)
        self.assertTrue(all(package.recipient_ids.mapped('sent_on')))
        message = self.meeting.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertEqual(message.attachment_ids, package.pdf_attachment_id)
        self.assertEqual(message.partner_ids, self.commission.partner_id | self.department.partner_id)
        # sent: not prepared again until it is returned
        with self.assertRaisesRegex(UserError, 'already sent'):
            self.meeting.with_user(self.zhao).action_prepare_package()
        with self.assertRaisesRegex(UserError, 'changes only through'):
            package.with_user(self.zhao).write({'state': 'draft'})

    @freeze_time('2022-01-30 10:00:00')
    def test_only_people_of_the_team_prepare(self):
        with self.assertRaisesRegex(UserError, 'only the principal and the clerks'):
            self.meeting.with_user(self.qian).action_prepare_package()
        with self.assertRaisesRegex(UserError, 'only the principal and the clerks'):
            self.meeting.with_user(self.zheng).action_prepare_package()
        self.meeting.with_user(self.wu).action_prepare_package()
        self.assertEqual(self.meeting.package_ids.state, 'draft')

    @freeze_time('2022-01-30 10:00:00')
    def test_only_a_recipient_body_signs_and_received_when_all_have(self):
        self.meeting.with_user(self.zhao).action_send_package()
        package = self.meeting.package_ids
        for user in (self.zhao, self.wu, self.qian, self.wang):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, 'only a person of a body'):
                package.with_user(user).action_sign()
        self.assertTrue(package.with_user(self.zheng).can_sign)
        self.assertFalse(package.with_user(self.zhao).can_sign)
        package.with_user(self.zheng).action_sign()
        line = package.recipient_ids.filtered(lambda r: r.body_id == self.commission)
        self.assertEqual(line.received_by_id, self.zheng)
        self.assertEqual(package.state, 'sent', 'the organization department has not signed yet')
        with self.assertRaisesRegex(UserError, 'only a person of a body'):
            package.with_user(self.zheng).action_sign()
        package.with_user(self.kong).action_sign()
        self.assertEqual(package.state, 'received')
        # the reader of a body sees what was sent to it, not other packages
        self.assertEqual(self.env['party.meeting.package'].with_user(self.kong).search([]), package)

    @freeze_time('2022-01-30 10:00:00')
    def test_returned_package_is_prepared_and_sent_again_as_version_2(self):
        self.meeting.with_user(self.zhao).action_send_package()
        first = self.meeting.package_ids
        action = first.with_user(self.kong).action_return()
        self.assertEqual(action['res_model'], 'party.meeting.package.return')
        with self.assertRaisesRegex(UserError, 'only a person of a body'):
            self.env['party.meeting.package.return'].with_user(self.qian).create(
                {'package_id': first.id, 'comment': 'No.'})
        wizard = self.env['party.meeting.package.return'].with_user(self.kong).create(
            {'package_id': first.id, 'comment': 'Add the opinions of the public.'})
        wizard.action_confirm()
        self.assertEqual(first.state, 'returned')
        line = first.recipient_ids.filtered(lambda r: r.body_id == self.department)
        self.assertEqual(line.comment, 'Add the opinions of the public.')
        self.assertTrue(line.returned_on)
        told = self.meeting.message_ids.filtered(lambda m: 'was returned by Kong Reader' in str(m.body))
        self.assertEqual(told.partner_ids, self.zhao.partner_id | self.wu.partner_id)
        with self.assertRaisesRegex(UserError, 'cannot be signed for while it is returned'):
            first.with_user(self.zheng).action_sign()
        with freeze_time('2022-02-02 10:00:00'):
            self.meeting.with_user(self.wu).action_prepare_package()
            second = self.meeting.package_ids.filtered(lambda p: p.version == 2)
            self.assertEqual(second.state, 'draft')
            self.meeting.with_user(self.zhao).action_send_package()
        self.assertEqual(second.state, 'sent')
        self.assertEqual(self.meeting.report_date, date(2022, 2, 2))
        self.assertEqual(self.meeting.report_number, 'Bureau PG〔2022〕1号', 'the number stays with the report')
        self.assertEqual(first.state, 'returned')
        self.assertIn('-v2.pdf', second.pdf_attachment_id.name)
        self.assertNotEqual(first.pdf_attachment_id, second.pdf_attachment_id)
        second.with_user(self.kong).action_sign()
        self.assertEqual(base64.b64decode(second.zip_file)[:2], b'PK')

    def test_document_numbers_run_per_organisation_and_year(self):
        numbers = [self.organization._next_report_number(day)
                   for day in (date(2022, 1, 30), date(2022, 3, 1), date(2023, 1, 5))]
        self.assertEqual(numbers, ['Bureau PG〔2022〕1号', 'Bureau PG〔2022〕2号', 'Bureau PG〔2023〕1号'])
        self.assertEqual(self.other_organization._next_report_number(date(2022, 3, 1)), 'Other Party Group〔2022〕1号')

    def test_opinion_summary_only_for_who_reads_every_opinion(self):
        Summary = self.env['report.party_democratic_life.meeting_opinion_summary']
        with self.assertRaisesRegex(AccessError, 'you may not read all its opinions'):
            Summary.with_user(self.sun)._get_report_values(self.meeting.ids)
        documents = Summary.with_user(self.wu)._get_report_values(self.meeting.ids)['documents']
        self.assertIn('OPINION-QIAN answers late.', str(documents))
