from . import party_meeting_readiness_waive
from . import party_meeting_statement_return
from . import party_meeting_plan_return
from . import party_meeting_assess
from . import party_rectification_return
from . import party_meeting_package_return
