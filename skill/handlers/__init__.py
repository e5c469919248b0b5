"""One module per concern; ``REQUEST_HANDLERS`` lists them in the order they are tried."""

from skill.handlers.answers import NoHandler, YesHandler
from skill.handlers.causes import CauseDetailHandler, TwitchCausesHandler
from skill.handlers.diary import (
    ConfirmDeleteHandler,
    DeleteDataHandler,
    LogTwitchHandler,
    SkillDisabledHandler,
    TwitchHistoryHandler,
)
from skill.handlers.doctor import WhenToSeeDoctorHandler
from skill.handlers.errors import ApologiseOnError
from skill.handlers.navigation import (
    FallbackHandler,
    HelpHandler,
    NavigateHomeHandler,
    RepeatHandler,
)
from skill.handlers.routine_commands import (
    NextHandler,
    PauseHandler,
    PreviousHandler,
    ReadyHandler,
    ResumeHandler,
    StartOverHandler,
)
from skill.handlers.self_care import SelfCareHandler
from skill.handlers.session import (
    IgnoredRequestHandler,
    LaunchHandler,
    SessionEndedHandler,
    StopHandler,
)
from skill.handlers.stretch import StartStretchHandler
from skill.handlers.symptom_check import CheckAnswerHandler, NotSureHandler, SymptomCheckHandler
from skill.handlers.symptoms import ReportSymptomHandler

REQUEST_HANDLERS = (
    LaunchHandler,
    TwitchCausesHandler,
    CauseDetailHandler,
    SelfCareHandler,
    WhenToSeeDoctorHandler,
    ReportSymptomHandler,
    SymptomCheckHandler,
    CheckAnswerHandler,
    NotSureHandler,
    LogTwitchHandler,
    TwitchHistoryHandler,
    DeleteDataHandler,
    ConfirmDeleteHandler,
    StartStretchHandler,
    ReadyHandler,
    NextHandler,
    PreviousHandler,
    StartOverHandler,
    PauseHandler,
    ResumeHandler,
    YesHandler,
    NoHandler,
    HelpHandler,
    RepeatHandler,
    NavigateHomeHandler,
    StopHandler,
    FallbackHandler,
    SessionEndedHandler,
    SkillDisabledHandler,
    IgnoredRequestHandler,
)
EXCEPTION_HANDLERS = (ApologiseOnError,)

__all__ = ["EXCEPTION_HANDLERS", "REQUEST_HANDLERS"]
