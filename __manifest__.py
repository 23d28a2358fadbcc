{
    'name': 'Democratic Life Meetings',
    'version': '19.0.1.0.0',
    'category': 'Productivity',
    'summary': 'Prepare, hold, record, report and follow up the Party group democratic life meeting (民主生活会)',
    'description': """
Democratic life meetings (民主生活会) of a Party group: the leadership team, each meeting and
its key aspects, heart-to-heart talks with the coverage still missing, criticism and
self-criticism, minutes, the situation report, the public notice, and a rectification
ledger that follows every problem to verification and into the next meeting.
""",
    'author': 'Party Democratic Life Team',
    'license': 'LGPL-3',
    'depends': ['mail'],
    'external_dependencies': {
        'python': ['python-docx', 'xlsxwriter'],
        'bin': ['wkhtmltopdf'],
    },
    'data': [
        'security/party_democratic_life_security.xml',
        'security/ir.model.access.csv',
        'data/ir_sequence_data.xml',
        'data/ir_cron_data.xml',
        'data/mail_activity_type_data.xml',
        'data/mail_template_data.xml',
        'data/party_meeting_document_templates.xml',
        'data/party_statement_template_data.xml',
        'views/party_organization_views.xml',
        'views/party_organization_unit_views.xml',
        'views/party_organization_representative_views.xml',
        'views/party_meeting_views.xml',
        'views/party_meeting_talk_views.xml',
        'views/party_rectification_views.xml',
        'views/party_meeting_criticism_views.xml',
        'views/party_rectification_overview_views.xml',
        'views/party_meeting_study_views.xml',
        'views/party_meeting_opinion_views.xml',
        'views/party_meeting_statement_views.xml',
        'views/party_statement_template_views.xml',
        'wizards/party_meeting_readiness_waive_views.xml',
        'wizards/party_meeting_statement_return_views.xml',
        'views/party_democratic_life_menus.xml',
        'reports/party_document_reports.xml',
        'reports/party_document_templates.xml',
        'reports/party_meeting_reports.xml',
        'reports/party_meeting_templates.xml',
        'reports/party_meeting_talk_reports.xml',
        'reports/party_meeting_talk_templates.xml',
        'reports/party_meeting_statement_reports.xml',
        'reports/party_meeting_statement_templates.xml',
        'reports/party_rectification_reports.xml',
        'reports/party_rectification_templates.xml',
        'reports/party_organization_reports.xml',
    ],
    'demo': [
        'demo/party_democratic_life_demo.xml',
        'demo/party_democratic_life_preparation_demo.xml',
    ],
    'assets': {
        'web.assets_backend': [
            'party_democratic_life/static/src/**/*',
        ],
        'web.assets_tests': [
            'party_democratic_life/static/tests/tours/**/*',
        ],
    },
    'application': True,
    'installable': True,
}
