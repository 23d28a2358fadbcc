import re

from docx.shared import Pt

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged
from odoo.tools.safe_eval import safe_eval, time

from .common_documents import TODAY_AFTER_DEADLINES, DocumentCase, HeldMeetingCase

PLAN = 'party_democratic_life.action_report_party_meeting_plan'
NOTICE = 'party_democratic_life.action_report_party_meeting_notice'
MEETING_LIST = 'party_democratic_life.action_report_party_meeting_rectification_list'
LEDGER_LIST = 'party_democratic_life.action_report_party_rectification_list'
TALK_RECORD = 'party_democratic_life.action_report_party_meeting_talk_record'


@tagged('post_install', '-at_install')
class TestDocumentReports(DocumentCase):
    """The printed documents, rendered as HTML the way the Print button renders them."""

    def test_plan_has_the_ten_parts_filled_from_the_meeting(self):
        html = self.render_html(PLAN, self.meeting, user=self.wu)
        text = self.html_text(html)
        headings = [block['number'] + block['text']
                    for block in self.document_blocks(self.meeting, 'plan')
                    if block['type'] == 'heading' and block['level'] == 1]
        self.assertEqual([h[:2] for h in headings],
                         ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、'])
        self.assertEqual(headings[0], '一、Focus on the theme')
        self.assertEqual(headings[-1], '十、Other matters')
        for heading in headings:
            self.assertIn(heading.replace(' ', ''), text)
        for expected in (
            'Bureau Party Group', 'Special Meeting 2022', 'Party history study', 'Notice 2022-1',
            '一是Aspect 1', '五是Aspect 5', 'following5aspects',
            '2022年1月21日8时30分', 'Room301',  # held at 8:30 Beijing time
            '2022年1月14日',  # the plan goes up 7 days before (organisation setting, default)
            '2022年2月5日',  # the report is due 15 days after
            "1.Reportonlastyear'srectification（ZhaoDongping，about15minutes）",
            'chairedbyZhaoDongping', 'Upper-levelguides:ChenZhiqiang（OrganizationDepartment）',
            'Teammembers:ZhaoDongping（Secretary）', 'WuXiaoyan（Recorder）',
            'atleast2criticisms', 'Within15daysafterthemeetingasituationreportgoestoCountyDisciplineCommission',
            'Talksrequired:10pairs;2havetalkedsofarand1talksareplanned',
        ):
            self.assertIn(expected.replace(' ', ''), text)
        # The document ends with the organisation and the plan date, right-aligned.
        self.assertRegex(html, r'o_pdl_signature">\s*<p[^>]*>Bureau Party Group</p>\s*<p[^>]*>2022年1月14日</p>')

    def test_layout_has_official_faces_and_page_number_footer(self):
        html = self.render_html(PLAN, self.meeting)
        self.assertIn('"Noto Serif CJK SC"', html)
        self.assertIn('"Noto Sans CJK SC"', html)
        self.assertIn('方正小标宋简体', html)
        self.assertIn('仿宋_GB2312', html)
        # wkhtmltopdf fills the page number into span.page of the footer: "— N —"
        self.assertRegex(html, re.compile(
            r'<div class="footer">.*<div class="o_party_page_number">— <span class="page"></span> —</div>', re.S))
        self.assertIn('o_party_even', html, 'even pages put the number on the left')

    def test_plan_lists_the_preparation_records(self):
        """Study sessions and opinions are listed in parts two and four; the outline's parts come
        from the organisation's outline template, without their numbers."""
        blocks = self.document_blocks(self.meeting, 'plan')
        study = next(i for i, b in enumerate(blocks) if b['type'] == 'heading' and b['number'] == '二、')
        self.assertEqual(blocks[study + 2]['type'], 'heading', 'no study sessions yet: part three follows')
        self.env['party.meeting.study'].create({
            'meeting_id': self.meeting.id, 'date': '2022-01-10', 'form': 'central_group', 'topic': 'Party history'})
        self.env['party.meeting.opinion'].create([
            {'meeting_id': self.meeting.id, 'date': '2022-01-08', 'channel': 'symposium', 'content': 'Visit more.'},
            {'meeting_id': self.meeting.id, 'date': '2022-01-09', 'channel': 'symposium', 'concerns_team': False,
             'concerned_user_ids': [(6, 0, self.qian.ids)], 'content': 'Train the squads.'},
        ])
        self.meeting.write({'materials_deadline': '2022-01-18', 'plan_sent_date': '2022-01-12'})
        text = self.html_text(self.render_html(PLAN, self.meeting, user=self.zhao))
        for expected in ('1.2022年1月10日,CentralGroupStudy:Partyhistory',
                         'Sofar2opinionshavebeencollected(Symposium):1abouttheteamand1aboutindividualmembers.',
                         "一是Rectificationoftheproblemsoflastyear'smeetingandofthespecialmeetings，"
                         '二是Outstandingproblemsfoundagainstthekeyaspects，三是Personalmajormatters',
                         'Theoutlinesandthecheckmaterialarefinishedby2022年1月18日.',
                         'BureauPartyGroup2022年1月12日'):
            self.assertIn(expected, text)

    def test_notice_lists_time_people_and_agenda(self):
        text = self.html_text(self.render_html(NOTICE, self.meeting, user=self.zhao))
        for expected in ('NoticeoftheSpecialMeeting2022', 'Tothemembersoftheleadershipteam:',
                         '2022年1月21日8时30分，Room301。', 'Attending:ZhaoDongping（Secretary）',
                         'Guiding:ChenZhiqiang', 'Sittingin:WuXiaoyan（Recorder）',
                         "1Reportonlastyear'srectificationZhaoDongping15", '2Self-criticismandcriticismAllmembers150',
                         'BureauPartyGroup2022年1月14日'):
            self.assertIn(expected, text)

    def test_talk_record_one_page_per_talk_for_its_readers(self):
        html = self.render_html(TALK_RECORD, self.talk_zhao_qian, user=self.qian)
        text = self.html_text(html)
        for expected in ('Heart-to-heartTalkRecord', 'BureauPartyGroupSpecialMeeting2022',
                         'PrincipalandMember', '2022年1月5日', 'ZhaoDongping（Secretary）', 'QianLixin（Member）',
                         'Smallroom', 'Talkedthroughthekeyaspects.', 'Dutiescarriedout.'):
            self.assertIn(expected, text)
        self.assertIn('One Post, Two Duties Report', html)
        # talks are confidential: a member who did not take part cannot print it
        with self.assertRaises(AccessError):
            self.render_html(TALK_RECORD, self.talk_zhao_qian, user=self.li)
        # a talk between members has no one-post-two-duties box
        self.assertNotIn('One Post, Two Duties Report', self.render_html(TALK_RECORD, self.talk_qian_sun, user=self.sun))

    def test_rectification_list_groups_team_then_members(self):
        html = self.render_html(MEETING_LIST, self.meeting, user=self.zheng)
        text = self.html_text(html)
        team = text.index('一、Problemsandrectificationoftheleadershipteam')
        members = text.index('二、Problemsandrectificationoftheteammembers')
        zhao = text.index('（一）ZhaoDongping（Secretary）')
        qian = text.index('（二）QianLixin（Member）')
        sun = text.index('（三）SunWeihua（Member）')
        self.assertLess(team, text.index('Studyisnottiedtodailywork&cases.'))
        self.assertLess(text.index('Studyisnottiedtodailywork&cases.'), members)
        self.assertLess(members, zhao)
        self.assertLess(zhao, text.index('Toofewfieldvisits'))
        self.assertLess(zhao, qian)
        self.assertLess(qian, text.index('Squadsrarelyinspected'))
        self.assertLess(qian, sun)
        self.assertLess(sun, text.index('Slowcasehandling'))
        for column in ('No.', 'ProblemFound', 'ProblemSource', 'AspectChecked', 'RectificationMeasures',
                       'PersonResponsible', 'ResponsibleUnit', 'CompletionDeadline', 'RectificationType',
                       'Progress', 'Status'):
            self.assertIn(f'<th>{column}', html.replace(' ', ''))
        self.assertIn('2022年12月31日', text)
        self.assertIn('Finishedon2022年5月1日；Casetimelimitsset.', text)
        self.assertIn('o_party_landscape', html)

    def test_rectification_list_from_the_ledger_in_one_document(self):
        items = self.item_team | self.item_sun
        html = self.render_html(LEDGER_LIST, items, user=self.wang)
        self.assertEqual(html.count('class="article'), 1, 'selected items print as one list')
        text = self.html_text(html)
        self.assertIn('BureauPartyGroupProblemListandRectificationList', text)
        self.assertIn('Slowcasehandling', text)
        self.assertNotIn('Squadsrarelyinspected', text)

    def test_file_names_say_what_the_document_is(self):
        Report = self.env['ir.actions.report']
        names = {
            xmlid: safe_eval(Report._get_report(xmlid).print_report_name, {'object': record, 'time': time})
            for xmlid, record in ((PLAN, self.meeting), (NOTICE, self.meeting), (MEETING_LIST, self.meeting),
                                  (TALK_RECORD, self.talk_zhao_qian), (LEDGER_LIST, self.item_sun))
        }
        self.assertEqual(names, {
            PLAN: 'Democratic Life Meeting Plan-Bureau Party Group-2022',
            NOTICE: 'Meeting Notice and Agenda-Bureau Party Group-2022',
            MEETING_LIST: 'Problem List and Rectification List-Bureau Party Group-2022',
            TALK_RECORD: 'Talk Record-Zhao Dongping-Qian Lixin',
            LEDGER_LIST: 'Problem List and Rectification List-Bureau Party Group',
        })
        annual = self.create_meeting(name='Annual 2024', meeting_type='annual', year=2024,
                                     date_start='2025-01-20 01:00:00')
        self.assertEqual(annual._party_document_title('party_democratic_life.meeting_plan'),
                         'Democratic Life Meeting Plan-Bureau Party Group-2024', 'an annual meeting is named by its year')

    def test_readers_outside_the_organization_cannot_print(self):
        for user in (self.plain_user, self.outsider):
            with self.assertRaises(AccessError):
                self.render_html(PLAN, self.meeting, user=user)
            with self.assertRaises(AccessError):
                self.render_document(self.meeting.with_user(user), 'plan', 'docx')


@tagged('post_install', '-at_install')
class TestDocumentExports(DocumentCase):
    """The .docx and .xlsx files, parsed back."""

    def test_plan_docx(self):
        filename, mimetype, content = self.render_document(self.meeting.with_user(self.wu), 'plan', 'docx')
        self.assertEqual(filename, 'Democratic Life Meeting Plan-Bureau Party Group-2022.docx')
        self.assertIn('wordprocessingml', mimetype)
        document = self.read_docx(content)
        section = document.sections[0]
        self.assertEqual([round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                                section.left_margin, section.right_margin)], [37, 35, 28, 26])
        self.assertEqual(document.paragraphs[0].text,
                         'Bureau Party Group\nSpecial Meeting 2022 Implementation Plan')
        level_1 = [p.text for p in document.paragraphs if p.style.name == 'Heading 1']
        self.assertEqual(level_1, [
            '一、Focus on the theme', '二、Study in depth', '三、Check against the key aspects',
            '四、Collect opinions and hold heart-to-heart talks',
            '五、Write the check material and the personal outlines',
            '六、Carry out criticism and self-criticism in earnest', '七、Schedule', '八、Agenda',
            '九、Who takes part', '十、Other matters'])
        level_2 = [p.text for p in document.paragraphs if p.style.name == 'Heading 2']
        self.assertEqual(level_2[:2], ['（一）Attending the meeting', '（二）Sitting in'])
        self.assertEqual(level_2[2], '（一）Rectification lists', 'numbering restarts under part ten')
        text = '\n'.join(p.text for p in document.paragraphs)
        self.assertIn('2022年1月21日8时30分', text)
        self.assertIn('一是Aspect 1', text)
        runs = [run for p in self.docx_paragraphs(document) for run in p.runs if run.text]
        self.assertFalse([r.text for r in runs if not self.east_asian_font(r)], 'every run names its Chinese face')
        self.assertEqual({self.east_asian_font(r) for r in runs},
                         {'方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312'})
        body = next(p for p in document.paragraphs if p.text.startswith('The theme of the meeting'))
        self.assertEqual(body.runs[0].font.size, Pt(16))
        self.assertEqual(document.paragraphs[-1].text, '2022年1月14日')
        self.assertEqual(document.paragraphs[-2].text, 'Bureau Party Group')
        self.assertTrue(document.settings.odd_and_even_pages_header_footer)

    def test_talk_record_and_rectification_list_docx(self):
        document = self.read_docx(self.render_document(self.talk_zhao_qian.with_user(self.zhao), 'talk_record', 'docx')[2])
        cells = [cell.text for cell in document.tables[0]._cells]
        self.assertIn('2022年1月5日', cells)
        self.assertIn('Talked through the key aspects.', cells)
        document = self.read_docx(self.render_document(self.meeting, 'rectification_list', 'docx')[2])
        section = document.sections[0]
        self.assertGreater(section.page_width, section.page_height, 'the list is printed across the page')
        self.assertEqual(len(document.tables), 4, 'the team, then Zhao, Qian and Sun')
        self.assertEqual(document.tables[0].cell(1, 1).text, 'Study is not tied to daily work & cases.')
        self.assertEqual(document.tables[0].cell(1, 7).text, '2022年12月31日')

    def test_word_and_excel_in_the_print_menu(self):
        """Every format of a document is a report of the Print menu, next to its PDF."""
        bound = self.env['ir.actions.report'].search([
            ('binding_model_id.model', '=', 'party.meeting'), ('binding_type', '=', 'report')])
        plan = bound.filtered(lambda r: r.report_file == 'party_democratic_life.meeting_plan')
        self.assertEqual(sorted(plan.mapped('report_type')), ['docx', 'qweb-pdf'])
        self.assertEqual(plan.filtered(lambda r: r.report_type == 'docx').report_action(self.meeting, config=False)['report_type'],
                         'docx')
        self.assertFalse(self.env['ir.actions.server'].search([('binding_model_id.model', 'like', 'party.%')]),
                         'no download goes through a server action any more')

    def test_several_records_in_one_word_file(self):
        """Printing the plan of two meetings gives one .docx: each plan on its own pages, each
        numbered from 一、."""
        second = self.create_meeting(name='Second meeting')
        document = self.read_docx(self.render_document(self.meeting | second, 'plan', 'docx')[2])
        titles = [p.text for p in document.paragraphs if p.text.startswith('Bureau Party Group\n')]
        self.assertEqual(titles, ['Bureau Party Group\nSpecial Meeting 2022 Implementation Plan',
                                  'Bureau Party Group\nSecond meeting Implementation Plan'])
        level_1 = [p.text for p in document.paragraphs if p.style.name == 'Heading 1']
        self.assertEqual([text for text in level_1 if text.startswith('一、')], ['一、Focus on the theme'] * 2)

    def test_no_word_file_of_a_workbook(self):
        with self.assertRaises(UserError):
            self.env['ir.actions.report']._render_docx(
                'party_democratic_life.meeting_talk_matrix_xlsx', self.meeting.ids)
        with self.assertRaises(UserError):
            self.env['ir.actions.report']._render_xlsx(
                'party_democratic_life.meeting_plan_docx', self.meeting.ids)

    @freeze_time(TODAY_AFTER_DEADLINES)
    def test_rectification_list_xlsx(self):
        filename, _mimetype, content = self.render_document(self.meeting.with_user(self.zheng), 'rectification_list', 'xlsx')
        self.assertEqual(filename, 'Problem List and Rectification List-Bureau Party Group-2022.xlsx')
        workbook = self.read_xlsx(content)
        self.assertEqual(workbook.sheetnames, ['Leadership Team', 'Team Members'])
        team, members = workbook['Leadership Team'], workbook['Team Members']
        header = ['No.', 'Problem Found', 'Problem Source', 'Aspect Checked', 'Rectification Measures',
                  'Person Responsible', 'Responsible Unit', 'Completion Deadline', 'Rectification Type',
                  'Progress', 'Status']
        self.assertEqual([c.value for c in team[2]], header)
        self.assertEqual([c.value for c in members[2]], header)
        self.assertEqual(team['A1'].value, 'Bureau Party Group Special Meeting 2022 Problem List and Rectification List（Leadership Team）')
        rows = self.sheet_rows(team, 3)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][:7], [1, 'Study is not tied to daily work & cases.', 'Study', 'Aspect 1',
                                      'Train every month.', 'Zhao Dongping', 'General Office'])
        self.assertEqual(rows[0][7].date().isoformat(), '2022-12-31')
        self.assertEqual(rows[0][8:], ['Long-term', None, 'Open'])
        rows = self.sheet_rows(members, 3)
        self.assertEqual([row[1] for row in rows], ['Too few field visits', 'Squads rarely inspected', 'Slow case handling'])
        self.assertEqual([row[5] for row in rows], ['Zhao Dongping', 'Qian Lixin', 'Sun Weihua'])
        self.assertEqual(rows[1][10], 'In Progress（Overdue）')
        self.assertEqual(rows[2][9], 'Finished on 2022年5月1日；Case time limits set.')
        self.assertTrue(members['H3'].is_date)
        self.assertTrue(members['B3'].alignment.wrap_text)
        self.assertTrue(members['A2'].font.b)
        self.assertEqual(members.freeze_panes, 'A3')
        self.assertEqual(members.auto_filter.ref, 'A2:K5')
        self.assertEqual(members.page_setup.orientation, 'landscape')
        self.assertEqual(members.page_setup.fitToHeight, 0)
        self.assertEqual(members.print_title_rows, '$2:$2')

    def test_rectification_xlsx_from_selected_ledger_items(self):
        items = self.item_team | self.item_qian
        workbook = self.read_xlsx(self.render_document(items.with_user(self.wang), 'rectification_list', 'xlsx')[2])
        self.assertEqual(len(self.sheet_rows(workbook['Leadership Team'], 3)), 1)
        self.assertEqual([row[1] for row in self.sheet_rows(workbook['Team Members'], 3)], ['Squads rarely inspected'])

    def test_rectification_xlsx_reads_in_batches(self):
        """The query count does not grow with the number of rows (no query per row)."""
        Rectification = self.env['party.rectification']

        def count_queries(items):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            items._party_xlsx_rectification_list()
            return self.env.cr.sql_log_count - start

        def items(count):
            return Rectification.create([{
                'name': f'Item {n}', 'meeting_id': self.meeting.id, 'scope': 'personal',
                'responsible_user_id': (self.sun | self.li)[n % 2].id, 'focus_id': self.focus_1.id,
                'problem': f'<p>Problem {n}</p>', 'deadline': f'2022-0{2 + n % 8}-01',
            } for n in range(count)])

        few, many = items(4), items(60)
        count_queries(few)  # selection labels and the like are cached on first use
        self.assertEqual(count_queries(few), count_queries(many))

    def test_talk_matrix_xlsx(self):
        workbook = self.read_xlsx(self.render_document(self.meeting.with_user(self.wu), 'talk_matrix', 'xlsx')[2])
        self.assertEqual(workbook.sheetnames, ['Coverage', 'Talks', 'Missing Pairs'])
        missing = self.sheet_rows(workbook['Missing Pairs'], 3)
        self.assertEqual(len(missing), 8)
        self.assertIn([1, 'Zhao Dongping ↔ Sun Weihua'], missing)
        matrix = workbook['Coverage']
        self.assertEqual(matrix['A2'].value, 'Required pairs: 10, talked: 2, missing: 8')
        names = ['Zhao Dongping', 'Qian Lixin', 'Sun Weihua', 'Li Mingyuan', 'Zhou Jianguo']
        self.assertEqual([c.value for c in matrix[3]], ['Member', *names])
        grid = {row[0]: dict(zip(names, row[1:])) for row in self.sheet_rows(matrix, 4)}
        self.assertEqual(grid['Zhao Dongping']['Qian Lixin'], '1月5日')
        self.assertEqual(grid['Qian Lixin']['Zhao Dongping'], '1月5日', 'a pair counts both ways')
        self.assertEqual(grid['Sun Weihua']['Li Mingyuan'], 'Planned')
        self.assertEqual(grid['Zhou Jianguo']['Li Mingyuan'], 'Not talked')
        self.assertEqual(grid['Li Mingyuan']['Li Mingyuan'], '—')
        self.assertEqual(matrix['C4'].fill.fgColor.rgb[-6:], 'E2EFDA')
        talks = self.sheet_rows(workbook['Talks'], 3)
        self.assertEqual(len(talks), 3)
        self.assertIn(['Principal and Member', 'Zhao Dongping', 'Qian Lixin'], [row[1:4] for row in talks])

    @freeze_time(TODAY_AFTER_DEADLINES)
    def test_manager_summary_xlsx(self):
        other = self.create_meeting(name='Annual 2022', meeting_type='annual', year=2022,
                                    date_start='2022-12-20 01:00:00')
        self.make_rectification(meeting_id=other.id, deadline='2023-03-31')
        self.meeting.report_date = '2022-02-10'  # late: due on 5 February
        content = self.render_document((self.meeting | other).with_user(self.wang), 'summary', 'xlsx')[2]
        workbook = self.read_xlsx(content)
        self.assertEqual(workbook.sheetnames, ['By Meeting', 'By Organization'])
        by_meeting = workbook['By Meeting']
        self.assertEqual(by_meeting['A2'].value, 'As of 2022年7月15日')
        header = [c.value for c in by_meeting[3]]
        rows = [dict(zip(header, row)) for row in self.sheet_rows(by_meeting, 4)]
        self.assertEqual([row['Meeting'] for row in rows], ['Special Meeting 2022', 'Annual 2022'])
        first = rows[0]
        self.assertEqual((first['Items'], first['Finished'], first['Verified'], first['Unfinished'], first['Overdue']),
                         (4, 2, 1, 2, 1))
        # due: Qian's (overdue), Sun's (finished late), Zhao's (finished on time) → 1 of 3 on time
        self.assertAlmostEqual(first['On-time Rate'], 1 / 3)
        self.assertEqual(first['Report'], 'Late')
        self.assertEqual(first['Held On'].date().isoformat(), '2022-01-21')
        self.assertIsNone(rows[1]['On-time Rate'], 'nothing due yet: no rate rather than 0 %')
        by_organization = self.sheet_rows(workbook['By Organization'], 4)
        self.assertEqual(by_organization[0][1:7], ['Bureau Party Group', 2, 5, 2, 3, 1])
        # the organisation's own action gives the same figures
        content = self.render_document(self.organization.with_user(self.wang), 'summary', 'xlsx')[2]
        self.assertEqual(self.sheet_rows(self.read_xlsx(content)['By Organization'], 4), by_organization)

    def test_nothing_printed_without_records(self):
        with self.assertRaises(UserError):
            self.env['ir.actions.report']._render_docx('party_democratic_life.meeting_plan_docx', [])


MINUTES = 'party_democratic_life.action_report_party_meeting_minutes'
REPORT = 'party_democratic_life.action_report_party_meeting_situation_report'
PUBLIC_NOTICE = 'party_democratic_life.action_report_party_meeting_public_notice'
CRITICISM_SUMMARY = 'party_democratic_life.action_report_party_meeting_criticism_summary'


@tagged('post_install', '-at_install')
class TestHeldMeetingDocuments(HeldMeetingCase):
    """Minutes, situation report, public notice and the criticism summary and matrix."""

    def test_minutes_in_minutes_layout(self):
        html = self.render_html(MINUTES, self.meeting, user=self.wu)
        for label, value in (('Present', 'Zhao Dongping、Qian Lixin、Sun Weihua、Li Mingyuan'),
                             ('On Leave', 'Zhou Jianguo（In hospital）'),
                             ('Sitting In', 'Wu Xiaoyan（Recorder）'),
                             ('Recorder', 'Wu Xiaoyan')):
            self.assertRegex(html, rf'<span class="o_pdl_label">{label}：</span>{value}')
        text = self.html_text(html)
        self.assertIn('BureauPartyGroupSpecialMeeting2022Minutes', text)
        self.assertIn('QianLixincriticisesZhaoDongping.', text)
        self.assertIn('Theteamexamineditselfinearnest.', text)
        self.assertEqual(text.count('SpecialMeeting2022'), 1, 'the composed title is not printed twice')
        self.assertNotIn('Organization：', text, 'the facts table is replaced by the labels')
        document = self.read_docx(self.render_document(self.meeting, 'minutes', 'docx')[2])
        present = next(p for p in document.paragraphs if p.text.startswith('Present：'))
        self.assertEqual([(r.text, self.east_asian_font(r)) for r in present.runs],
                         [('Present：', '黑体'), ('Zhao Dongping、Qian Lixin、Sun Weihua、Li Mingyuan', '仿宋_GB2312')])

    def test_situation_report_and_public_notice(self):
        text = self.html_text(self.render_html(REPORT, self.meeting, user=self.zhao))
        self.assertIn('BureauPartyGroupReportontheSpecialMeeting2022', text)
        self.assertIn('CountyDisciplineCommission：', text)
        self.assertIn('一、BasicfactsOn2022年1月21日8时30分', text)
        self.assertEqual(text.count('CountyDisciplineCommission'), 1, 'the addressee once')
        # signed by the organisation, then the colophon: printed by it on the same day
        self.assertTrue(text.rstrip('—').endswith('BureauPartyGroup2022年1月30日BureauPartyGroup2022年1月30日印发'),
                        text[-60:])
        text = self.html_text(self.render_html(PUBLIC_NOTICE, self.meeting, user=self.zheng))
        self.assertIn('BureauPartyGroupPublicNoticeontheSpecialMeeting2022', text)
        self.assertIn('Squadsrarelyinspected', text)
        self.assertNotIn('criticises', text, 'no criticism in the public notice')
        self.assertTrue(text.rstrip('—').endswith('BureauPartyGroup2022年2月8日'), text[-60:])
        document = self.read_docx(self.render_document(self.meeting, 'public_notice', 'docx')[2])
        self.assertEqual(document.paragraphs[-1].text, '2022年2月8日')

    def test_criticism_summary_per_member(self):
        text = self.html_text(self.render_html(CRITICISM_SUMMARY, self.meeting, user=self.wu))
        self.assertIn('一、ZhaoDongping（Secretary）', text)
        self.assertIn('Criticismsreceived:2(atleast2).', text)
        self.assertIn('1.QianLixin：QianLixincriticisesZhaoDongping.', text)
        self.assertIn('ResponseandCommitment：Iwillchange.', text)
        self.assertIn('ChenZhiqiang：Theteamexamineditselfinearnest.', text)
        self.assertIn('五、ZhouJianguo（Member）Criticismsreceived:0(atleast2).', text)
        self.html_text(self.render_html(CRITICISM_SUMMARY, self.meeting, user=self.zheng))  # observers read

    def test_who_may_not_read_criticisms_cannot_print_their_summary(self):
        for user in (self.qian, self.plain_user, self.outsider):
            with self.assertRaises(AccessError):
                self.render_html(CRITICISM_SUMMARY, self.meeting, user=user)

    def test_criticism_matrix_xlsx(self):
        workbook = self.read_xlsx(self.render_document(self.meeting.with_user(self.wu), 'criticism_matrix', 'xlsx')[2])
        self.assertEqual(workbook.sheetnames, ['Matrix', 'Criticisms'])
        matrix = workbook['Matrix']
        names = ['Zhao Dongping', 'Qian Lixin', 'Sun Weihua', 'Li Mingyuan', 'Zhou Jianguo']
        self.assertEqual([c.value for c in matrix[3]], ['Critic \\ Criticised', *names])
        grid = {row[0]: dict(zip(names, row[1:])) for row in self.sheet_rows(matrix, 4)}
        self.assertEqual(grid['Qian Lixin']['Zhao Dongping'], 1)
        self.assertIsNone(grid['Zhao Dongping']['Qian Lixin'])
        self.assertEqual(grid['Zhao Dongping']['Zhao Dongping'], 'Self')
        self.assertEqual(grid['Zhou Jianguo']['Zhou Jianguo'], '—')
        self.assertEqual(grid['Received'], dict.fromkeys(names[:4], 2) | {'Zhou Jianguo': 0})
        self.assertEqual(matrix.cell(row=9, column=6).fill.fgColor.rgb[-6:], 'FCE4D6', 'below the minimum')
        self.assertEqual(len(self.sheet_rows(workbook['Criticisms'], 3)), 13)
        # a member sees the counts, but only the texts they may read
        workbook = self.read_xlsx(self.render_document(self.meeting.with_user(self.qian), 'criticism_matrix', 'xlsx')[2])
        rows = self.sheet_rows(workbook['Criticisms'], 3)
        self.assertTrue(rows)
        self.assertTrue(all('Qian Lixin' in (row[1], row[3]) for row in rows))
        self.assertEqual(self.sheet_rows(workbook['Matrix'], 4)[-1][1:], [2, 2, 2, 2, 0])


STATEMENT = 'party_democratic_life.action_report_party_meeting_statement'


@tagged('post_install', '-at_install')
class TestStatementDocuments(DocumentCase):
    """The personal outline and the team's check material, section by section."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.materials_deadline = '2022-01-18'
        cls.meeting.action_prepare()
        statements = cls.meeting.statement_ids
        cls.outline = statements.filtered(lambda s: s.kind == 'personal' and s.author_user_id == cls.qian)
        cls.team_material = statements.filtered(lambda s: s.kind == 'team')
        cls.outline.with_user(cls.qian).write({
            'section_ids': [(1, section.id, {'content': f'<p>{section.name}: what I found.</p><p>1. A point</p>'})
                            for section in cls.outline.section_ids],
            'problem_ids': [(0, 0, {'focus_id': cls.focus_1.id, 'problem': 'Study is shallow.',
                                    'cause': 'Too little time set aside.', 'measure': 'Study every week.'})],
        })
        cls.env.cr.flush()

    def test_personal_outline_section_by_section(self):
        html = self.render_html(STATEMENT, self.outline, user=self.qian)
        text = self.html_text(html)
        self.assertIn('PersonalOutline(Analysis)ofComradeQianLixinattheSpecialMeeting2022QianLixin（Member）', text)
        sections = self.outline.section_ids.mapped('name')
        self.assertEqual(len(sections), 12)
        positions = [text.index(name.replace(' ', '')) for name in sections]
        self.assertEqual(positions, sorted(positions), 'sections in the template order')
        # five parts 一、…五、; part two's sub-sections （一）…（七）: the aspects, ideology, the burden
        self.assertIn("一、Rectificationoftheproblemsoflastyear'smeetingandofthespecialmeetings", text)
        self.assertIn('二、Outstandingproblemsfoundagainstthe5keyaspects', text)
        self.assertIn('（一）Aspect1Aspect1:whatIfound.1.Apoint1.Studyisshallow.Cause:Toolittletimesetaside.'
                      'Measure:Studyeveryweek.（二）Aspect2', text)
        self.assertIn('（六）Ideologywork', text)
        self.assertIn('（七）Reducingtheburdenonthegrassroots', text)
        self.assertIn('三、Personalmajormattersandexplanationsofrelatedissues', text)
        self.assertIn('五、Nextrectificationmeasures', text)
        self.assertNotIn('ProblemsbyKeyAspect', text, 'each problem under its aspect')
        self.assertTrue(text.rstrip('—').endswith('QianLixin'), 'signed by the author')
        # the draft outline is its author's own until the meeting
        with self.assertRaises(AccessError):
            self.render_html(STATEMENT, self.outline, user=self.li)

    def test_team_material_and_outline_docx(self):
        text = self.html_text(self.render_html(STATEMENT, self.team_material, user=self.zhao))
        self.assertIn('BureauPartyGroupLeadershipTeamCheckMaterialfortheSpecialMeeting2022', text)
        self.assertNotIn('Personal major matters', text)
        filename, _mimetype, content = self.render_document(self.outline.with_user(self.qian), 'statement', 'docx')
        self.assertEqual(filename, 'Personal Outline-Qian Lixin-Bureau Party Group-2022.docx')
        document = self.read_docx(content)
        self.assertEqual(document.paragraphs[0].text,
                         'Personal Outline (Analysis) of Comrade Qian Lixin at the Special Meeting 2022')
        headings = [p.text for p in document.paragraphs if p.style.name == 'Heading 1']
        # the five parts, numbered 一、… by the layout
        parts = self.outline.section_ids.filtered(lambda s: not s.is_subsection).mapped('name')
        self.assertEqual(headings, [f'{numeral}、{name}' for numeral, name in zip('一二三四五', parts)])
        runs = [run for p in document.paragraphs for run in p.runs if run.text]
        self.assertFalse([r.text for r in runs if not self.east_asian_font(r)])
        self.assertEqual(self.team_material._party_document_title('party_democratic_life.meeting_statement'),
                         'Team Check Material-Bureau Party Group-2022')
