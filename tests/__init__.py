from . import test_carry_over
from . import test_criticism
from . import test_deletion
from . import test_documents
from . import test_overview
from . import test_rectification_cron
from . import test_rectification_rules
from . import test_reference_flow
