"""Closed vocabularies of the domain.

Values are short ASCII strings because they travel on the wire and sit in the event log; the UI
translates them for people.
"""

from __future__ import annotations

import enum


class Mode(enum.StrEnum):
    """Which world an event belongs to. Drill events never touch the live picture."""

    LIVE = "live"
    DRILL = "drill"


class IncidentOrigin(enum.StrEnum):
    """How an incident reached the command center: only a 110 call has a caller's number for sure."""

    CALL = "call"  # 110 报警电话
    WALK_IN = "walk_in"  # 来所/当面报警: someone reports in person
    OFFICER = "officer"  # 巡逻发现: an officer on patrol finds it


class UnitKind(enum.StrEnum):
    PATROL_GROUP = "patrol"  # 巡组
    RAPID_RESPONSE = "rapid"  # 羊城突击队
    TRAFFIC = "traffic"  # 交警
    STATION_CAR = "station"  # 派出所警车
    OFFICER = "officer"  # 单警 (individual officer with a handset)


class UnitStatus(enum.StrEnum):
    OFF_DUTY = "off_duty"  # 未上勤
    AVAILABLE = "available"  # 巡逻待命
    DISPATCHED = "dispatched"  # 已派警, waiting for the unit to acknowledge
    EN_ROUTE = "en_route"  # 出警途中
    ON_SCENE = "on_scene"  # 到场处置
    UNAVAILABLE = "unavailable"  # 暂不可用 (meal, refuelling, custody transfer…)


class IncidentStatus(enum.StrEnum):
    NEW = "new"  # 待派
    DISPATCHED = "dispatched"  # 已派警
    ON_SCENE = "on_scene"  # 处置中
    CLEARED = "cleared"  # 处置完毕
    REFERRED = "referred"  # 已移交 (non-police business, handed to its department)
    CLOSED = "closed"  # 已结案


class Category(enum.StrEnum):
    """Whether an incident is police business at all: a third of Guangzhou's are not."""

    POLICE = "police"
    NON_POLICE = "non_police"


class FieldRecordKind(enum.StrEnum):
    """Structured records a 微察-style handset reports (执法留痕: every action is logged)."""

    SCENE_SURVEY = "scene_survey"  # 现场勘查
    INFO_COLLECTION = "info_collection"  # 信息采集
    IDENTITY_CHECK_REQUEST = "identity_check_request"  # 人员核查
    IDENTITY_CHECK_ANSWER = "identity_check_answer"
    VEHICLE_CHECK_REQUEST = "vehicle_check_request"  # 车辆核查
    VEHICLE_CHECK_ANSWER = "vehicle_check_answer"


class OrderKind(enum.StrEnum):
    DISPATCH = "dispatch"
    RECALL = "recall"
    MESSAGE = "message"
