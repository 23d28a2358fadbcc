from . import party_organization
from . import party_organization_member
from . import party_meeting
from . import party_meeting_attendee
from . import party_meeting_focus
from . import party_meeting_agenda
from . import party_meeting_talk
from . import party_rectification
