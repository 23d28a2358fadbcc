import re
from datetime import timedelta

from odoo import models
from odoo.exceptions import AccessError
from odoo.tools import is_html_empty

from ..tools import document_blocks as blk
from ..tools.cn_format import cn_numeral, format_cn_month_day, html_to_text
from ..tools.xlsx_builder import XlsxTableWriter
from .party_rectification import FINISHED_STATES, VERIFIED_STATES

# A personal outline is normally no shorter than this many pages — practice.
MIN_STATEMENT_PAGES = 6


class PartyMeeting(models.Model):
    _name = 'party.meeting'
    _inherit = ['party.meeting', 'party.document.mixin']

    def _party_document_year(self):
        """The year in a document's name: the year reviewed for an annual meeting (a 2024
        annual meeting is held early in 2025), the year held for a special one."""
        self.ensure_one()
        if self.meeting_type == 'annual' or not self.date_start:
            return self.year
        return self._party_local_datetime(self.date_start).year

    def _party_document_basename(self, label):
        if len(self) != 1:
            return super()._party_document_basename(label)
        return f'{label}-{self.organization_id.name}-{self._party_document_year()}'

    # Shared pieces

    def _party_full_name(self):
        return f'{self.organization_id.name or ""}{self.name}'

    def _party_person(self, attendee):
        name = attendee.user_id.name or attendee.partner_id.name or ''
        return f'{name}（{attendee.position}）' if attendee.position else name

    def _party_people(self, attendees):
        return '、'.join(self._party_person(attendee) for attendee in attendees)

    def _party_attendees(self, role):
        return self.attendee_ids.filtered(lambda a: a.role == role)

    def _party_guides_by_body(self):
        """The upper-level people present, body by body in the order of the participants (e.g.
        县纪委县监委：郑国平；县委组织部：陈志强); a guide without a body is named with his or her post."""
        guides = self._party_attendees('guide').filtered(lambda a: a.attendance == 'present')
        by_body = {}
        for guide in guides:
            by_body.setdefault(guide.upper_body_id, self.env['party.meeting.attendee'])
            by_body[guide.upper_body_id] |= guide
        parts = [
            self.env._('%(body)s: %(names)s', body=body.name,
                       names='、'.join(attendee.user_id.name or attendee.partner_id.name or '' for attendee in attendees))
            if body else self._party_people(attendees)
            for body, attendees in by_body.items()
        ]
        return self.env._('; ').join(parts)

    def _party_plan_date(self):
        """The date the plan went, or goes, to the upper level: the day it was sent, else the
        organisation's lead days before the meeting — practice, configurable."""
        if self.plan_sent_date:
            return self.plan_sent_date
        if not self.date_start:
            return self._party_today()
        held_on = self._party_local_datetime(self.date_start).date()
        return held_on - timedelta(days=self.organization_id.plan_lead_days)

    def _party_issue_date(self):
        """The date a notice goes out: today, or the plan date once the meeting is past."""
        today = self._party_today()
        if self.date_start and self._party_local_datetime(self.date_start).date() < today:
            return self._party_plan_date()
        return today

    def _party_signature(self, date):
        return blk.signature(self.organization_id.name or '', self._party_cn_date(date))

    def _party_when(self):
        return self._party_cn_datetime(self.date_start) if self.date_start else self.env._('a date to be fixed')

    # The preparation records in the plan: study sessions, opinions, the outline template

    def _party_plan_study_blocks(self):
        forms = self.env['party.meeting.study']._fields['form']
        form_labels = dict(forms._description_selection(self.env))
        blocks = []
        for index, study in enumerate(self.study_ids.sorted(lambda s: (s.date, s.id)), start=1):
            blocks.append(blk.paragraph(self.env._(
                '%(number)s. %(date)s, %(form)s: %(topic)s', number=index, date=self._party_cn_date(study.date),
                form=form_labels.get(study.form, ''), topic=study.topic)))
        return blocks

    def _party_plan_opinion_blocks(self):
        opinions = self.opinion_ids
        if not opinions:
            return []
        channels = self.env['party.meeting.opinion']._fields['channel']
        channel_labels = dict(channels._description_selection(self.env))
        used = '、'.join(channel_labels.get(channel, '') for channel in dict.fromkeys(opinions.mapped('channel')))
        return [blk.paragraph(self.env._(
            'So far %(count)s opinions have been collected (%(channels)s): %(team)s about the team and %(members)s '
            'about individual members.', count=len(opinions), channels=used,
            team=len(opinions.filtered('concerns_team')), members=len(opinions.filtered('concerned_user_ids'))))]

    def _party_plan_statement_sections(self):
        template = self.organization_id.statement_template_id
        if template:
            sections = template.section_ids.filtered(
                lambda s: s.applies_to in ('all', 'personal') and not s.is_subsection)
            # the numbers of the template's headings are the plan's own "一是…二是…"
            return [re.sub(r'^\s*(?:\d+[.．、]|[一二三四五六七八九十]+、)\s*', '', section.name)
                    for section in sections.sorted('sequence')]
        return [
            self.env._("the rectification of the problems found at last year's meetings"),
            self.env._('the main problems found against each key aspect'),
            self.env._('personal major matters and explanations of related issues'),
            self.env._('an analysis of the root causes'),
            self.env._('the next rectification measures'),
        ]

    def _party_plan_min_statement_pages(self):
        return self.organization_id.min_statement_pages or MIN_STATEMENT_PAGES

    # Implementation plan (实施方案)

    def _party_blocks_plan(self):
        """The ten parts of the reference plan, each filled from the meeting's records."""
        self.ensure_one()
        organization = self.organization_id
        principal = organization.principal_user_id
        blocks = [blk.title(self.env._('%(organization)s\n%(meeting)s Implementation Plan',
                              organization=organization.name, meeting=self.name))]
        if self.basis_document:
            blocks.append(blk.paragraph(self.env._(
                'To hold the %(meeting)s well, and in accordance with the document %(basis)s, this plan '
                'sets out the theme, the preparation, the meeting itself and the follow-up.',
                meeting=self.name, basis=self.basis_document)))
        else:
            blocks.append(blk.paragraph(self.env._(
                'To hold the %(meeting)s well, this plan sets out the theme, the preparation, the meeting '
                'itself and the follow-up.', meeting=self.name)))

        blocks.append(blk.heading(1, self.env._('Focus on the theme')))
        if self.theme:
            blocks.append(blk.paragraph(self.env._('The theme of the meeting is: %(theme)s', theme=self.theme)))
        if self.special_reason:
            blocks.append(blk.paragraph(self.env._('This special meeting is held because: %(reason)s',
                                          reason=self.special_reason)))
        blocks.append(blk.paragraph(self.env._(
            'Through the meeting the team strengthens itself, finds and fixes its problems and unites '
            'for the work ahead.')))

        blocks.append(blk.heading(1, self.env._('Study in depth')))
        blocks.append(blk.paragraph(self.env._(
            'Before the meeting the team and each member study the theme in depth, combining sessions '
            'of the central study group and seminars with self-study, so that the meeting rests on a '
            'common understanding.')))
        blocks += self._party_plan_study_blocks()

        blocks.append(blk.heading(1, self.env._('Check against the key aspects')))
        blocks.append(blk.paragraph(self.env._(
            'Members put themselves, their duties and their work into the examination and check '
            'themselves against the following %(count)s aspects.', count=len(self.focus_ids))))
        for index, focus in enumerate(self.focus_ids, start=1):
            text = focus.title.rstrip('。.')
            if focus.description:
                text = f'{text}。{focus.description}'
            blocks.append(blk.paragraph(f'{cn_numeral(index)}是{text}'))

        blocks.append(blk.heading(1, self.env._('Collect opinions and hold heart-to-heart talks')))
        blocks.append(blk.paragraph(self.env._(
            'Opinions and suggestions are collected from Party members, cadres and the public in '
            'suitable ways; each opinion names the team or the member it concerns, and each member '
            'reads those about them before writing their material.')))
        blocks += self._party_plan_opinion_blocks()
        blocks.append(blk.paragraph(self.env._(
            'Heart-to-heart talks cover the principal with each member, every pair of members, each '
            'member with the heads of the units in their charge, and the principal and members with '
            'representatives of their own Party branch. When talking with each member the principal '
            'hears their report on carrying out "one post, two duties" over the past year.')))
        required = len(self._get_required_talk_pairs())
        # A count only: the plan goes to upper-level readers who may not read the talks.
        planned = len(self.sudo().talk_ids.filtered(lambda t: t.state == 'planned'))
        blocks.append(blk.paragraph(self.env._(
            'Talks required: %(required)s pairs; %(done)s have talked so far and %(planned)s talks are '
            'planned.',
            required=required, done=required - self.missing_talk_count, planned=planned)))

        blocks.append(blk.heading(1, self.env._('Write the check material and the personal outlines')))
        blocks.append(blk.paragraph(self.env._(
            "The team's check material is drafted under the direction of %(principal)s; each member "
            'writes their own personal outline.', principal=principal.name or self.env._('the principal'))))
        parts = '，'.join(f'{cn_numeral(index)}是{part}'
                         for index, part in enumerate(self._party_plan_statement_sections(), start=1))
        blocks.append(blk.paragraph(self.env._(
            'A personal outline has these parts: %(parts)s. It is normally no shorter than %(pages)s '
            'pages, and the principal reviews each one before the meeting.',
            parts=parts, pages=self._party_plan_min_statement_pages())))
        blocks.append(blk.paragraph(self.env._(
            'Problems are looked for in oneself first, the analysis goes down to subjective causes, '
            'and the measures are concrete and can be carried out.')))
        if self.materials_deadline:
            blocks.append(blk.paragraph(self.env._(
                'The outlines and the check material are finished by %(date)s.',
                date=self._party_cn_date(self.materials_deadline))))

        blocks.append(blk.heading(1, self.env._('Carry out criticism and self-criticism in earnest')))
        blocks.append(blk.paragraph(self.env._(
            'Self-criticism is candid and criticism of others is direct and concrete; each member '
            'receives at least %(count)s criticisms and answers them with a brief commitment.',
            count=organization.min_criticisms)))
        blocks.append(blk.paragraph(self.env._(
            'The principal analyses the ideology work of the whole organization and each member that '
            'of the areas in their charge; the team also checks for excessive burdens on the '
            'grass-roots level. Members explain item by item any public complaints, inspection '
            'feedback, talks or written inquiries and personal matters they must report.')))

        blocks.append(blk.heading(1, self.env._('Schedule')))
        length = self._party_meeting_length()
        if self.location:
            blocks.append(blk.paragraph(self.env._(
                'The meeting is to be held on %(date)s at %(location)s; it takes %(length)s.',
                date=self._party_when(), location=self.location, length=length)))
        else:
            blocks.append(blk.paragraph(self.env._(
                'The meeting is to be held on %(date)s; it takes %(length)s.',
                date=self._party_when(), length=length)))
        blocks.append(blk.paragraph(self.env._(
            'The plan goes to the upper level by %(plan_date)s; the talks, the outlines and their '
            'review are finished before the meeting; the situation report is sent by %(report_date)s.',
            plan_date=self._party_cn_date(self._party_plan_date()),
            report_date=self._party_cn_date(self.report_deadline) or self.env._('the deadline'))))

        blocks.append(blk.heading(1, self.env._('Agenda')))
        blocks += self._party_agenda_paragraphs()
        if self.host_user_id:
            blocks.append(blk.paragraph(self.env._('The meeting is chaired by %(host)s.', host=self.host_user_id.name)))

        blocks.append(blk.heading(1, self.env._('Who takes part')))
        blocks.append(blk.heading(2, self.env._('Attending the meeting')))
        guides = self._party_attendees('guide')
        if guides:
            blocks.append(blk.paragraph(self.env._('Upper-level guides: %(names)s', names=self._party_people(guides))))
        blocks.append(blk.paragraph(self.env._('Team members: %(names)s',
                                      names=self._party_people(self._party_attendees('member')))))
        blocks.append(blk.heading(2, self.env._('Sitting in')))
        sit_ins = self._party_attendees('sit_in')
        blocks.append(blk.paragraph(self._party_people(sit_ins) if sit_ins else self.env._('None.')))

        blocks.append(blk.heading(1, self.env._('Other matters')))
        blocks.append(blk.heading(2, self.env._('Rectification lists')))
        blocks.append(blk.paragraph(self.env._(
            'After the meeting the team and each member draw up a problem list and a rectification '
            'list with measures, owners and deadlines; the lists are collected and sent to the upper '
            'level, and progress is disclosed to members and the public.')))
        lists_sending = self._party_lists_sending_text()
        if lists_sending:
            blocks.append(blk.paragraph(lists_sending))
        carried = self._party_unfinished_earlier_count()
        if carried:
            blocks.append(blk.paragraph(self.env._(
                'Unfinished items of earlier meetings are carried into this one (%(count)s at present).',
                count=carried)))
        blocks.append(blk.heading(2, self.env._('Meeting discipline')))
        blocks.append(blk.paragraph(self.env._(
            'Members do not travel during the meeting and take leave only in exceptional cases; at '
            'least two thirds of the members must attend.')))
        blocks.append(blk.heading(2, self.env._('Records and minutes')))
        if self.recorder_user_id:
            blocks.append(blk.paragraph(self.env._(
                '%(recorder)s records every self-criticism and criticism and compiles the minutes.',
                recorder=self.recorder_user_id.name)))
        else:
            blocks.append(blk.paragraph(self.env._(
                'The recorder records every self-criticism and criticism and compiles the minutes.')))
        blocks.append(blk.heading(2, self.env._('Report and notice')))
        bodies = '、'.join(organization.supervisor_partner_ids.mapped('name')) or self.env._('the upper level')
        blocks.append(blk.paragraph(self.env._(
            'Within %(days)s days after the meeting a situation report goes to %(bodies)s; the results '
            'and the rectification arrangements are notified to members and the public.',
            days=organization.report_days, bodies=bodies)))
        blocks.append(self._party_signature(self._party_plan_date()))
        return blocks

    def _party_meeting_length(self):
        """How long the meeting takes, as a plan says it: half a day (4 hours), a day (8), else hours."""
        if self.duration == 4:
            return self.env._('about half a day')
        if self.duration == 8:
            return self.env._('about a day')
        return self.env._('about %(hours)s hours', hours=f'{self.duration:g}')

    def _party_agenda_paragraphs(self):
        blocks = []
        for index, item in enumerate(self.agenda_ids, start=1):
            details = []
            if item.speaker:
                details.append(item.speaker)
            if item.duration_minutes:
                details.append(self.env._('about %(minutes)s minutes', minutes=item.duration_minutes))
            suffix = f'（{"，".join(details)}）' if details else ''
            blocks.append(blk.paragraph(f'{index}.{item.item}{suffix}'))
        return blocks

    def _party_unfinished_earlier_count(self):
        return self.env['party.rectification'].search_count([
            ('organization_id', '=', self.organization_id.id),
            ('meeting_id', '!=', self.id),
            ('state', 'in', ('open', 'in_progress')),
        ])

    # Meeting notice and agenda (会议通知)

    def _party_blocks_notice(self):
        self.ensure_one()
        blocks = [
            blk.title(self.env._('Notice of the %(meeting)s', meeting=self.name)),
            blk.addressee(self.env._('To the members of the leadership team:')),
            blk.paragraph(self.env._(
                'It has been decided that %(organization)s holds its %(meeting)s on %(date)s. The '
                'arrangements are as follows.',
                organization=self.organization_id.name, meeting=self.name, date=self._party_when())),
            blk.heading(1, self.env._('Time and place')),
            blk.paragraph(f'{self._party_when()}{"，" + self.location if self.location else ""}。'),
        ]
        if self.host_user_id:
            blocks += [blk.heading(1, self.env._('Chair')), blk.paragraph(self.host_user_id.name)]
        blocks.append(blk.heading(1, self.env._('People attending')))
        labels = {
            'member': self.env._('Attending: '),
            'guide': self.env._('Guiding: '),
            'sit_in': self.env._('Sitting in: '),
        }
        for role, label in labels.items():
            attendees = self._party_attendees(role)
            if attendees:
                blocks.append(blk.paragraph(self._party_people(attendees), label=label))
        blocks.append(blk.heading(1, self.env._('Agenda')))
        blocks.append(blk.table(
            [(self.env._('No.'), 1), (self.env._('Item'), 7), (self.env._('Speaker'), 3),
             (self.env._('Length (minutes)'), 2)],
            [[str(index), item.item, item.speaker or '', str(item.duration_minutes or '')]
             for index, item in enumerate(self.agenda_ids, start=1)]))
        blocks.append(blk.heading(1, self.env._('Requirements')))
        blocks.append(blk.paragraph(self.env._(
            'Bring your personal outline, reviewed by the principal, to the meeting.')))
        blocks.append(blk.paragraph(self.env._(
            'Attendance is compulsory: plan no business trips, and ask for leave only in exceptional '
            'cases, with the reason, through the principal.')))
        blocks.append(self._party_signature(self._party_issue_date()))
        return blocks

    # Problem list and rectification list (问题清单和整改清单)

    def _party_rectification_items(self):
        return self.env['party.rectification'].search(
            [('meeting_id', 'in', self.ids)], order='scope desc, responsible_user_id, deadline, id')

    def _party_blocks_rectification_list(self):
        self.ensure_one()
        return self._party_rectification_items()._party_rectification_list_blocks(
            self.env._('%(organization)s\n%(meeting)s Problem List and Rectification List',
                       organization=self.organization_id.name, meeting=self.name),
            meeting=self)

    def _party_xlsx_rectification_list(self):
        items = self.env['party.rectification'].search([('meeting_id', 'in', self.ids)])
        title = self.env._('Problem List and Rectification List')
        if len(self) == 1:
            title = self.env._('%(organization)s\n%(meeting)s Problem List and Rectification List',
                               organization=self.organization_id.name, meeting=self.name)
        return items._party_xlsx_rectification_list(title=title)

    # Talk coverage (谈心谈话覆盖情况)

    def _party_xlsx_talk_matrix(self):
        writer = XlsxTableWriter()
        talk_types = self.env['party.meeting.talk']._party_selection_labels('talk_type')
        talk_states = self.env['party.meeting.talk']._party_selection_labels('state')
        for meeting in self:
            users = meeting.organization_id.member_ids.user_id
            talks = meeting.talk_ids.sorted(lambda t: (t.date or meeting._party_today(), t.id))
            status = {}
            for talk in talks:
                counterpart = talk.counterpart_user_id or talk.counterpart_name
                if not (talk.initiator_user_id and counterpart):
                    continue
                key = self._talk_pair_key(talk.initiator_user_id, counterpart)
                if talk.state == 'done':
                    status[key] = (talk.date, 'good')
                else:
                    status.setdefault(key, (self.env._('Planned'), 'highlight'))

            def matrix_rows(users=users, status=status):
                for user in users:
                    row = [user.name]
                    for other in users:
                        if other == user:
                            row.append(('—', 'muted'))
                            continue
                        value, fmt = status.get(self._talk_pair_key(user, other), (self.env._('Not talked'), 'highlight'))
                        row.append((format_cn_month_day(value) if fmt == 'good' else value, fmt))
                    yield row

            required = len(meeting._get_required_talk_pairs())
            prefix = f'{meeting.organization_id.name}-' if len(self) > 1 else ''
            writer.add_table_sheet(
                prefix + self.env._('Coverage'),
                self.env._('%(organization)s %(meeting)s Talk Coverage',
                  organization=meeting.organization_id.name, meeting=meeting.name),
                [(self.env._('Member'), 14, 'short')] + [(user.name, 12, 'short') for user in users],
                matrix_rows(),
                subtitle=self.env._('Required pairs: %(required)s, talked: %(done)s, missing: %(missing)s',
                           required=required, done=required - meeting.missing_talk_count,
                           missing=meeting.missing_talk_count),
                landscape=True)
            writer.add_table_sheet(
                prefix + self.env._('Talks'),
                self.env._('%(organization)s %(meeting)s Heart-to-heart Talks',
                           organization=meeting.organization_id.name, meeting=meeting.name),
                [
                    (self.env._('No.'), 6, 'int'),
                    (self.env._('Talk Type'), 16, 'short'),
                    (self.env._('Initiator'), 12, 'short'),
                    (self.env._('Counterpart'), 22, 'text'),
                    (self.env._('Date'), 16, 'date'),
                    (self.env._('Location'), 20, 'text'),
                    (self.env._('Status'), 10, 'short'),
                ],
                ([index, talk_types.get(talk.talk_type), talk.initiator_user_id.name,
                  talk.counterpart_user_id.name or talk.counterpart_name, talk.date, talk.location,
                  talk_states.get(talk.state)]
                 for index, talk in enumerate(talks, start=1)))
            # Every required pair without a talk done, beyond the team too (unit heads, branch
            # representatives), as the meeting's coverage rule lists them.
            writer.add_table_sheet(
                prefix + self.env._('Missing Pairs'),
                self.env._('%(organization)s %(meeting)s Talks Still Missing',
                           organization=meeting.organization_id.name, meeting=meeting.name),
                [(self.env._('No.'), 6, 'int'), (self.env._('Pair'), 60, 'text')],
                ([index, label] for index, (_key, label) in enumerate(meeting._get_missing_talk_pairs(), start=1)),
                landscape=False)
        return writer.close()

    # Manager's summary across organisations and meetings

    def _party_summary_stats(self):
        """Counts per meeting read in batches: {meeting id: {...}}.

        On-time rate = items finished by their deadline ÷ items due (finished, or past their
        deadline) — our product choice, so that items not yet due do not lower the rate.
        """
        today = self._party_today()
        stats = {meeting.id: dict.fromkeys(
            ('total', 'finished', 'verified', 'open', 'overdue', 'carried', 'due', 'on_time'), 0)
            for meeting in self}
        Rectification = self.env['party.rectification']
        ids = Rectification.search([('meeting_id', 'in', self.ids)], order='id').ids
        for start in range(0, len(ids), 1000):
            for item in Rectification.browse(ids[start:start + 1000]).read(
                    ['meeting_id', 'state', 'deadline', 'date_done'], load=None):
                row = stats[item['meeting_id']]
                row['total'] += 1
                state, deadline, done_on = item['state'], item['deadline'], item['date_done']
                finished = state in FINISHED_STATES
                row['finished'] += finished
                row['verified'] += state in VERIFIED_STATES
                row['carried'] += state == 'carried'
                row['open'] += state in ('open', 'in_progress')
                row['overdue'] += bool(state in ('open', 'in_progress') and deadline and deadline < today)
                if finished or (deadline and deadline < today and state != 'carried'):
                    row['due'] += 1
                    row['on_time'] += bool(finished and (not deadline or (done_on and done_on <= deadline)))
            self.env.invalidate_all()
        return stats

    def _party_xlsx_summary(self):
        meetings = self.sorted(lambda m: (m.organization_id.name or '', m.date_start or m.create_date))
        stats = meetings._party_summary_stats()
        types = self._party_selection_labels('meeting_type')
        states = self._party_selection_labels('state')
        writer = XlsxTableWriter()

        def rate(row):
            return row['on_time'] / row['due'] if row['due'] else None

        def meeting_rows():
            for index, meeting in enumerate(meetings, start=1):
                row = stats[meeting.id]
                if meeting.report_date:
                    report = (self.env._('On time'), 'good') if (
                        not meeting.report_deadline or meeting.report_date <= meeting.report_deadline
                    ) else (self.env._('Late'), 'highlight')
                else:
                    report = (self.env._('Not sent'), 'highlight') if (
                        meeting.report_deadline and meeting.report_deadline < self._party_today()
                    ) else ''
                yield [index, meeting.organization_id.name, meeting.name, types.get(meeting.meeting_type),
                       meeting.year,
                       meeting._party_local_datetime(meeting.date_start).date() if meeting.date_start else None,
                       states.get(meeting.state), row['total'], row['finished'], row['verified'], row['open'],
                       (row['overdue'], 'highlight') if row['overdue'] else 0, row['carried'], rate(row),
                       meeting.report_deadline, meeting.report_date, report]

        writer.add_table_sheet(
            self.env._('By Meeting'), self.env._('Rectification Summary by Meeting'),
            [
                (self.env._('No.'), 6, 'int'),
                (self.env._('Organization'), 22, 'text'),
                (self.env._('Meeting'), 26, 'text'),
                (self.env._('Type'), 10, 'short'),
                (self.env._('Year'), 8, 'int'),
                (self.env._('Held On'), 15, 'date'),
                (self.env._('Status'), 10, 'short'),
                (self.env._('Items'), 8, 'int'),
                (self.env._('Finished'), 8, 'int'),
                (self.env._('Verified'), 8, 'int'),
                (self.env._('Unfinished'), 8, 'int'),
                (self.env._('Overdue'), 8, 'int'),
                (self.env._('Carried Over'), 8, 'int'),
                (self.env._('On-time Rate'), 10, 'percent'),
                (self.env._('Report Deadline'), 15, 'date'),
                (self.env._('Report Sent On'), 15, 'date'),
                (self.env._('Report'), 10, 'short'),
            ],
            meeting_rows(),
            subtitle=self.env._('As of %(date)s', date=self._party_cn_date(self._party_today())))

        by_organization = {}
        for meeting in meetings:
            total = by_organization.setdefault(meeting.organization_id, dict.fromkeys(
                ('meetings', 'total', 'finished', 'open', 'overdue', 'due', 'on_time'), 0))
            total['meetings'] += 1
            for key in ('total', 'finished', 'open', 'overdue', 'due', 'on_time'):
                total[key] += stats[meeting.id][key]
        writer.add_table_sheet(
            self.env._('By Organization'), self.env._('Rectification Summary by Organization'),
            [
                (self.env._('No.'), 6, 'int'),
                (self.env._('Organization'), 26, 'text'),
                (self.env._('Number of Meetings'), 8, 'int'),
                (self.env._('Items'), 8, 'int'),
                (self.env._('Finished'), 8, 'int'),
                (self.env._('Unfinished'), 8, 'int'),
                (self.env._('Overdue'), 8, 'int'),
                (self.env._('On-time Rate'), 10, 'percent'),
            ],
            ([index, organization.name, row['meetings'], row['total'], row['finished'], row['open'],
              row['overdue'], rate(row)]
             for index, (organization, row) in enumerate(by_organization.items(), start=1)),
            subtitle=self.env._('As of %(date)s', date=self._party_cn_date(self._party_today())))
        return writer.close()

    # Last year's rectification (通报上一年度整改措施落实情况): the first item of the agenda

    def _party_previous_items(self):
        """Every item of the previous meeting, team first, then each owner's by deadline."""
        self.ensure_one()
        if not self.previous_meeting_id:
            return self.env['party.rectification']
        return self.env['party.rectification'].search(
            [('meeting_id', '=', self.previous_meeting_id.id)],
            order='scope desc, responsible_user_id, deadline, id')

    def _party_previous_rows(self, items):
        """For each item of the previous meeting: its status (done, verified, carried into this
        meeting and how far it got, still open) and what was done, with the rules it produced."""
        states = items._party_selection_labels('state')
        carry_labels = items._party_selection_labels('carry_status')
        rows = []
        for number, item in enumerate(items, start=1):
            status = states.get(item.state, '')
            done = [html_to_text(item.completion_note, '')] if not is_html_empty(item.completion_note) else []
            if item.state == 'carried':
                carried = item.carried_to_ids.filtered(lambda c: c.meeting_id == self)[:1] or item.carried_to_ids[:1]
                if carried.carry_status:
                    status = self.env._('%(state)s (%(status)s at this meeting)', state=status,
                                        status=carry_labels.get(carried.carry_status, ''))
                done += [text for text in (carried.carry_reason, carried.carry_next_step) if text]
            elif item.state == 'done' and item.date_done:
                done.insert(0, self.env._('Finished on %(date)s', date=self._party_cn_date(item.date_done)))
            if item.mechanism_ids:
                done.append(self.env._('Rules established: %(rules)s', rules='、'.join(
                    item._party_mechanism_text({'name': m.name, 'number': m.document_number, 'date': m.date_adopted})
                    for m in item.mechanism_ids)))
            rows.append({
                'number': number, 'item': item, 'name': item.name, 'status': status,
                'owner': item.responsible_user_id.name or item.responsible_unit or '',
                'done': '；'.join(text.strip('。；') for text in done if text) + ('。' if done else ''),
            })
        return rows

    def _party_previous_summary(self, items):
        """One sentence with the counts of last year's items, for the report, the minutes and
        the document on last year's rectification."""
        if not items:
            return self.env._('No earlier meeting with rectification items is recorded.')
        count = {state: len(items.filtered(lambda i, s=state: i.state == s))
                 for state in ('closed', 'verified', 'done', 'carried', 'open', 'in_progress')}
        details = [text for number, text in (
            (count['closed'], self.env._('%(count)s closed with the upper level', count=count['closed'])),
            (count['verified'], self.env._('%(count)s verified and closed', count=count['verified'])),
            (count['done'], self.env._('%(count)s done and awaiting verification', count=count['done'])),
            (count['carried'], self.env._('%(count)s carried over', count=count['carried'])),
            (count['open'] + count['in_progress'], self.env._(
                '%(count)s still being rectified', count=count['open'] + count['in_progress'])),
        ) if number]
        return self.env._('The %(meeting)s found %(total)s problems: %(details)s.',
                          meeting=self.previous_meeting_id.name, total=len(items), details='、'.join(details))

    def _party_blocks_previous_rectification(self):
        self.ensure_one()
        organization = self.organization_id
        items = self._party_previous_items()
        blocks = [blk.title(self.env._("%(organization)s\nReport on the Rectification of Last Year's Problems",
                                       organization=organization.name))]
        blocks.append(blk.paragraph(self._party_previous_summary(items)))
        if items:
            blocks.append(blk.table(
                [(self.env._('No.'), 1), (self.env._('Problem'), 6), (self.env._('Owner'), 2),
                 (self.env._('Status'), 3), (self.env._('What Was Done'), 8)],
                [[str(row['number']), row['name'], row['owner'], row['status'], row['done']]
                 for row in self._party_previous_rows(items)]))
        held_on = self.date_start and self._party_local_datetime(self.date_start).date()
        blocks.append(self._party_signature(held_on or self._party_today()))
        return blocks

    # Situation report (情况报告): prose in the usual order, the figures inside the sentences

    def _get_document_values(self):
        values = super()._get_document_values()
        previous = self.sudo()._party_previous_items()
        values.update({
            'previous_summary': self._party_previous_summary(previous),
            'previous_rows': self.sudo()._party_previous_rows(previous),
        })
        return values

    def _get_situation_report_values(self):
        """The report's parts as (heading, paragraphs, sub-parts), each sentence composed here."""
        self.ensure_one()
        meeting = self.sudo()
        organization = self.organization_id
        principal = organization.principal_user_id.name or self.env._('the principal')
        members = self._get_member_attendees()
        present = members.filtered(lambda a: a.attendance == 'present')
        away = members - present
        guides = self._party_attendees('guide')
        sit_ins = self._party_attendees('sit_in')

        facts = []
        place = self.env._(' at %(location)s', location=self.location) if self.location else ''
        facts.append(self.env._(
            'On %(date)s, %(organization)s held the %(meeting)s%(place)s, chaired by %(host)s.',
            date=self._party_when(), organization=organization.name, meeting=self.name, place=place,
            host=self.host_user_id.name or principal))
        if self.theme:
            facts.append(self.env._('The theme of the meeting was “%(theme)s”.', theme=self.theme.strip().rstrip('。')))
        attendance = self.env._(
            'Of the %(total)s members of the leadership team, %(present)s attended: %(names)s.',
            total=len(members), present=len(present), names='、'.join(present.user_id.mapped('name')))
        if away:
            attendance_labels = dict(members._fields['attendance']._description_selection(self.env))
            attendance += self.env._('%(names)s could not attend.', names='、'.join(
                f'{a.user_id.name}（{a.leave_reason or attendance_labels.get(a.attendance, "")}）' for a in away))
        facts.append(attendance)
        guides_by_body = guides.upper_body_id and self._party_guides_by_body()
        if guides_by_body:
            facts.append(self.env._('The upper level attended to give guidance: %(guides)s.', guides=guides_by_body))
        elif guides:
            facts.append(self.env._('%(guides)s attended to give guidance.', guides=self._party_people(guides)))
        if sit_ins:
            facts.append(self.env._('%(names)s sat in.', names=self._party_people(sit_ins)))

        studies = meeting.study_ids
        forms = dict(studies._fields['form']._description_selection(self.env))
        study = self.env._(
            'The team studied in %(count)s sessions (%(forms)s): %(topics)s.',
            count=len(studies), forms='、'.join(forms.get(f, '') for f in dict.fromkeys(studies.mapped('form'))),
            topics='；'.join(topic.strip().rstrip('。；') for topic in studies.mapped('topic'))
        ) if studies else self.env._(
            'No study session is recorded.')
        opinions = meeting.opinion_ids
        channels = dict(opinions._fields['channel']._description_selection(self.env))
        opinion = self.env._(
            '%(count)s opinions and suggestions were collected (%(channels)s): %(team)s about the team and '
            '%(members)s about individual members.',
            count=len(opinions), channels='、'.join(
                channels.get(c, '') for c in dict.fromkeys(opinions.mapped('channel')) if c != 'other'),
            team=len(opinions.filtered('concerns_team')),
            members=len(opinions.filtered('concerned_user_ids'))) if opinions else self.env._('No opinion is recorded.')
        required = len(self._get_required_talk_pairs())
        talk = self.env._(
            'Heart-to-heart talks covered the principal and each member, the members among themselves, the '
            'members and the heads of their units, and the representatives of their branches: %(required)s talks '
            'were required and %(done)s were held; %(principal)s heard each member\'s report on "one post, two '
            'duties".', required=required, done=required - self.missing_talk_count, principal=principal)
        statements = meeting.statement_ids.filtered(lambda s: s.kind == 'personal')
        writing = self.env._(
            "The team's check material was drafted under the direction of %(principal)s; %(count)s members wrote "
            'their personal outlines themselves, and %(principal)s reviewed each (%(approved)s approved).',
            principal=principal, count=len(statements), approved=len(statements.filtered(lambda s: s.state == 'approved')))

        stats = self._get_criticism_stats()[self.id]
        received = [stats['mutual'].get(user.id, 0) for user in present.user_id]
        meeting_paragraphs = []
        previous = meeting._party_previous_items()
        if previous:
            meeting_paragraphs.append(self.env._(
                '%(principal)s first reported how the rectification measures of the previous meeting were carried '
                'out. %(summary)s', principal=principal, summary=self._party_previous_summary(previous)))
        meeting_paragraphs.append(self.env._(
            "%(principal)s read the team's check material on behalf of the leadership team. Each member then made "
            'a self-criticism (%(self_count)s in all) and criticised the others frankly: %(mutual)s criticisms '
            'were made, and each member present received at least %(minimum)s.',
            principal=principal, self_count=len(stats['self']), mutual=sum(stats['mutual'].values()),
            minimum=min(received or [0])))
        if stats['guide'] and guides:
            meeting_paragraphs.append(self.env._(
                '%(guides)s commented on the meeting and asked for the rectification to be carried through.',
                guides=self._party_people(guides)))

        items = meeting.rectification_ids.filtered(lambda r: r.state != 'carried')
        new_items = items.filtered(lambda r: not r.carried_from_id)
        problems = [self.env._(
            '%(count)s problems were found, %(team)s of the leadership team and %(personal)s of individual '
            'members. The main ones are:', count=len(new_items),
            team=len(new_items.filtered(lambda r: r.scope == 'team')),
            personal=len(new_items.filtered(lambda r: r.scope == 'personal')))]
        problems += [f'{number}. {item.name}' for number, item in enumerate(new_items, start=1)]

        modes = {mode: len(new_items.filtered(lambda r, m=mode: r.mode == m)) for mode in ('immediate', 'deadline', 'long_term')}
        measures = [self.env._(
            'For each problem a measure, an owner and a deadline were set: %(immediate)s to be fixed at once, '
            '%(deadline)s by a deadline and %(long)s to be kept up over the long term.',
            immediate=modes['immediate'], deadline=modes['deadline'], long=modes['long_term'])]
        for number, item in enumerate(new_items.filtered(lambda r: not is_html_empty(r.measures)), start=1):
            measures.append(f'{number}. {item.name}：{html_to_text(item.measures, "")}')
        carried = items.filtered('carried_from_id')
        if carried:
            measures.append(self.env._(
                '%(count)s unfinished items of earlier meetings were carried into this rectification.',
                count=len(carried)))
        mechanisms = items.mechanism_ids
        if mechanisms:
            measures.append(self.env._('%(count)s rules and mechanisms have been established so far.',
                                       count=len(mechanisms)))
        lists_sending = self._party_lists_sending_text()
        if lists_sending:
            measures.append(lists_sending)
        measures.append(self.env._(
            'Next, the team will carry out the rectification list item by item, report its progress, and disclose '
            'the results to Party members and the public.'))

        return {'report_parts': [
            (self.env._('Basic facts'), facts, []),
            (self.env._('Preparation before the meeting'), [], [
                (self.env._('Study'), [study]),
                (self.env._('Collecting opinions'), [opinion]),
                (self.env._('Heart-to-heart talks'), [talk]),
                (self.env._('Writing the check material and the personal outlines'), [writing]),
            ]),
            (self.env._('The meeting, criticism and self-criticism'), meeting_paragraphs, []),
            (self.env._('Main problems found'), problems, []),
            (self.env._('Rectification measures and next steps'), measures, []),
        ]}

    # Minutes, situation report and public notice: their edited texts in official layout

    def _party_blocks_minutes(self):
        """会议纪要: the facts under 出席 / 请假 / 列席 labels, then the minutes as edited."""
        self.ensure_one()
        members = self._get_member_attendees()
        present = members.filtered(lambda a: a.attendance == 'present')
        away = members - present
        attendance = self.env['party.meeting.attendee']._fields['attendance']
        attendance_labels = dict(attendance._description_selection(self.env))
        facts = [
            (self.env._('Time'), self._party_when()),
            (self.env._('Place'), self.location),
            (self.env._('Chair'), self.host_user_id.name),
            (self.env._('Theme'), self.theme),
            (self.env._('Present'), '、'.join(present.mapped(lambda a: a.user_id.name))),
            (self.env._('On Leave'), '、'.join(
                f'{a.user_id.name}（{a.leave_reason or attendance_labels.get(a.attendance, "")}）' for a in away)),
            (self.env._('Sitting In'), self._party_people(self._party_attendees('sit_in'))),
            (self.env._('Upper-level Guides'), self._party_guides_by_body()),
            (self.env._('Recorder'), self.recorder_user_id.name),
        ]
        blocks = [blk.title(self.env._('%(organization)s\n%(meeting)s Minutes',
                                       organization=self.organization_id.name, meeting=self.name))]
        blocks += [blk.paragraph(value, label=f'{label}：') for label, value in facts if value]
        blocks.append(blk.html(self.minutes))
        return blocks

    def _party_blocks_situation_report(self):
        """情况报告 to the discipline commission and the organisation department."""
        self.ensure_one()
        supervisors = self.organization_id._party_report_addressees().mapped('name')
        sent_on = self.report_date or self._party_today()
        blocks = self._party_upward_head_blocks()
        blocks.append(blk.title(self.env._('%(organization)s\nReport on the %(meeting)s',
                                           organization=self.organization_id.name, meeting=self.name)))
        if supervisors:
            blocks.append(blk.addressee(f'{"、".join(supervisors)}：'))
        blocks.append(blk.html(self.report_body))
        blocks.append(self._party_signature(sent_on))
        blocks += self._party_upward_colophon_blocks(sent_on)
        return blocks

    def _party_blocks_public_notice(self):
        """通报 to Party members and the public: facts, problems and rectification only."""
        self.ensure_one()
        members = self._get_member_attendees()
        present = members.filtered(lambda a: a.attendance == 'present')
        facts = [
            (self.env._('Time'), self._party_when()),
            (self.env._('Place'), self.location),
            (self.env._('Chair'), self.host_user_id.name),
            (self.env._('Theme'), self.theme),
            (self.env._('Members Present'), self.env._('%(present)s of %(total)s members present',
                                                       present=len(present), total=len(members))),
            (self.env._('Upper-level Guides'), self._party_guides_by_body()),
        ]
        blocks = [blk.title(self.env._('%(organization)s\nPublic Notice on the %(meeting)s',
                                       organization=self.organization_id.name, meeting=self.name))]
        blocks += [blk.paragraph(value, label=f'{label}：') for label, value in facts if value]
        blocks.append(blk.html(self.notice_body))
        blocks.append(self._party_signature(self.notice_date or self._party_today()))
        return blocks

    # Criticism summary and matrix

    def _party_check_reads_all_criticisms(self):
        """The criticism summary shows every member's criticisms, so only those who may read all
        of them print it: the principal, the recorder, the clerks, observers and managers."""
        for meeting in self:
            readable = self.env['party.meeting.criticism'].search_count([('meeting_id', '=', meeting.id)])
            if readable != len(meeting.sudo().criticism_ids):
                raise AccessError(self.env._(
                    'Meeting "%(meeting)s": you may not read all its criticisms, so you cannot print their '
                    'summary.', meeting=meeting.name))

    def _party_blocks_criticism_summary(self):
        self.ensure_one()
        self._party_check_reads_all_criticisms()
        criticisms = self.criticism_ids
        minimum = self.organization_id.min_criticisms
        blocks = [blk.title(self.env._('%(organization)s\n%(meeting)s Criticism Summary',
                                       organization=self.organization_id.name, meeting=self.name))]
        for attendee in self._get_member_attendees():
            received = criticisms.filtered(lambda c, user=attendee.user_id: c.target_user_id == user)
            mutual = received.filtered(lambda c: c.kind == 'mutual')
            blocks.append(blk.heading(1, self._party_person(attendee)))
            blocks.append(blk.paragraph(self.env._(
                'Criticisms received: %(count)s (at least %(minimum)s).', count=len(mutual), minimum=minimum)))
            for criticism in received.filtered(lambda c: c.kind == 'self'):
                blocks.append(blk.heading(2, self.env._('Self-criticism')))
                blocks.append(blk.html(criticism.content))
                if not is_html_empty(criticism.response):
                    blocks.append(blk.paragraph(html_to_text(criticism.response, ''),
                                                label=self.env._('Response and Commitment') + '：'))
            if mutual:
                blocks.append(blk.heading(2, self.env._('Criticisms received')))
            for index, criticism in enumerate(mutual, start=1):
                blocks.append(blk.paragraph(html_to_text(criticism.content, ''),
                                            label=f'{index}. {criticism.critic_user_id.name}：'))
                if not is_html_empty(criticism.response):
                    blocks.append(blk.paragraph(html_to_text(criticism.response, ''),
                                                label=self.env._('Response and Commitment') + '：'))
            guide_comments = received.filtered(lambda c: c.kind == 'guide_comment')
            if guide_comments:
                blocks.append(blk.heading(2, self.env._('Comments of the upper-level guides')))
            for criticism in guide_comments:
                critic = criticism.critic_user_id.name or criticism.critic_partner_id.name or ''
                blocks.append(blk.paragraph(html_to_text(criticism.content, ''), label=f'{critic}：'))
        return blocks

    def _party_xlsx_criticism_matrix(self):
        """Who criticised whom (counts, which everyone on the meeting may see), and the list of
        the criticisms the reader may read."""
        writer = XlsxTableWriter()
        kinds = dict(self.env['party.meeting.criticism']._fields['kind']._description_selection(self.env))
        stats_by_meeting = self._get_criticism_stats()
        for meeting in self:
            stats = stats_by_meeting[meeting.id]
            minimum = meeting.organization_id.min_criticisms
            users = meeting._get_member_attendees().user_id
            prefix = f'{meeting.organization_id.name}-' if len(self) > 1 else ''

            def matrix_rows(users=users, stats=stats, minimum=minimum):
                for critic in users:
                    row = [critic.name]
                    for target in users:
                        if critic == target:
                            row.append((self.env._('Self') if target.id in stats['self'] else '—', 'muted'))
                        else:
                            row.append(stats['pairs'].get((critic.id, target.id), 0) or None)
                    yield row
                totals = [self.env._('Received')]
                for target in users:
                    received = stats['mutual'].get(target.id, 0)
                    totals.append((received, 'highlight' if received < minimum else 'good'))
                yield totals

            writer.add_table_sheet(
                prefix + self.env._('Matrix'),
                self.env._('%(organization)s %(meeting)s Criticism Matrix',
                           organization=meeting.organization_id.name, meeting=meeting.name),
                [(self.env._('Critic \\ Criticised'), 16, 'short')] + [(user.name, 12, 'int') for user in users],
                matrix_rows(),
                subtitle=self.env._('At least %(minimum)s criticisms per member present; %(count)s self-criticisms.',
                                    minimum=minimum, count=len(stats['self'])))
            criticisms = self.env['party.meeting.criticism'].search([('meeting_id', '=', meeting.id)])
            yes, no = self.env._('Yes'), self.env._('No')
            writer.add_table_sheet(
                prefix + self.env._('Criticisms'),
                self.env._('%(organization)s %(meeting)s Criticisms',
                           organization=meeting.organization_id.name, meeting=meeting.name),
                [
                    (self.env._('No.'), 6, 'int'),
                    (self.env._('Criticised Member'), 12, 'short'),
                    (self.env._('Type of Criticism'), 12, 'short'),
                    (self.env._('Critic'), 12, 'short'),
                    (self.env._('What Was Said'), 50, 'text'),
                    (self.env._('Response and Commitment'), 36, 'text'),
                    (self.env._('Given After the Meeting'), 10, 'short'),
                ],
                ([index, criticism.target_user_id.name, kinds.get(criticism.kind),
                  criticism.critic_user_id.name or criticism.critic_partner_id.name,
                  html_to_text(criticism.content), html_to_text(criticism.response),
                  yes if criticism.after_meeting else no]
                 for index, criticism in enumerate(criticisms, start=1)))
        return writer.close()
