"""Round thirteen: each concept the triage reads must hold however the caller says it. Every concept touched
after the blind g calls (old or new) is tried on six or more paraphrases in words no labelled call uses:
plain Mandarin, Cantonese-flavoured, an elderly caller rambling, with a time phrase, with a negation, and with
the place first or last. Also the mechanisms behind them, on a cut description (no jieba): a pattern's gap
does not count particles or durations, a negation does not reach past the condition of "不…就…", a verb glued
to its result ("推倒") is the verb, and a bare verb the call uses as a trade's verb is no blow (Qt-free)."""

from __future__ import annotations

import json

import pytest
from station_duty.triage import DEFAULT_RULES
from station_duty.triage.words import Finder

from tests.plugins.triage_rule_files import rules_suggest

LABELLED = DEFAULT_RULES.parent / "labelled_calls.jsonl"
_TEXTS = [json.loads(line)["text"] for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]

BAG = {"{包裹}~{无主}", "{包裹}~~{时长}~{无人}", "{包裹}~~{久置}"}
NOTE = {"{钞票}~{是假}", "{张}~{面额}~~{是假}", "{张}~{面额}~~{手感}~{异常}", "{钞票}~~{手感}~{异常}", "{防伪}~{异常}"}

# concept -> (the signs of which one must decide it, the paraphrases)
CONCEPTS: dict[str, tuple[set[str], list[str]]] = {
    "a bag nobody claims, however long and wherever said": (BAG, [
        "火车站售票厅门口有个旅行袋，摆了二十多分钟都没人要",
        "巴士站长椅上有个背包，放咗成个钟都冇人理",
        "哎呀我跟你说，菜市场门口有个编织袋，我早上买菜就看到了，到现在两个多钟头还没人来拿，我心里发毛",
        "今天下午三点多，医院挂号大厅椅子底下有个手提袋，半天没人碰",
        "候机楼洗手间门口有个拉杆箱，不是我的，放那里快一个钟了没人管",
        "有个黑色背包好几个钟都没人理，就在换乘通道中间",
        "站台尾有个手提箱摆咗个几钟都冇人理",  # the duration between the case and the nobody, one clause
        "码头候船厅有个蛇皮袋放了三个半钟也没人管",
        "有人喺地铁站放低个行李喼，成粒钟冇人理",
    ]),
    "let out only once paid, in any vehicle or room": ({"{代价}~~{才}~{允许}~{放行}", "{代价}~~{才}~{放人}"}, [
        "黑车司机开到郊外停下来，说要再给三百块才让我下去",
        "搭咗架白牌车，司机锁住车门，话要俾多一百蚊先至放我走",
        "我老太婆坐那个三轮摩托回家，到了门口他非要我再付二十块才肯让我下来，我哪有那么多钱",
        "凌晨两点坐网约车到小区门口，司机把门锁着，说补五十块车费才放人",
        "那个摩的佬讲我唔加钱就唔开车门，加咗先至俾我落车",
        "要我们每人交一百块才让出去，现在还关在那个旅游购物店里",
    ]),
    "paid, then the payee blocked or deleted the payer": ({"{付款}~~{断联}", "{断联}~~{付款}"}, [
        "在二手平台上订了一台相机，转了定金之后对方直接把我拉黑了",
        "喺网上买演唱会飞，过咗数之后个卖家即刻删咗我",
        "我孙子教我在手机上买那个保健枕头，我付了钱，那个人就把我删掉了，再也找不着",
        "昨天晚上九点多给房东微信转了押金，今天早上发现他把我屏蔽了",
        "我没收到货，之前付了八百块，现在卖家不回消息还把我拉黑了",
        "被卖家拉黑了，前天刚在闲鱼上给他转了两千块",
    ]),
    "goods said to be held, released for a fee": ({"{货物}~{扣留}~~{索要}", "{货物}~{扣留}~~{费用}",
                                                    "{费用}~~{货物}~{扣留}"}, [
        "有个自称快递的打电话说我的包裹被海关扣了，要交两百块关税",
        "个网店话我件货卡咗喺海关，要我俾三百蚊手续费先寄得出",
        "我女儿在国外寄东西给我，有人打电话来说那个快递被查了，要我先交保管费",
        "今天上午有个客服打电话，说我上周买的商品被扣在仓库，要交滞纳金才能发货",
        "我没买过什么东西，对方一口咬定我的货物被扣押了，叫我付清关费",
        "要交五百块保证金，说是我的货还卡在深圳海关",
        "物流打电话说我的包裹被海关扣下了，要缴纳关税才能派送",
    ]),
    "a banknote that is not real, one or a stack": (NOTE, [
        "超市收银员发现那个顾客给的一叠五十块全是假的",
        "有个后生仔拎住一沓一百蚊嚟买金，老细话啲钱系假嘅",
        "我在菜场卖了一上午的菜，收了几张二十的，回家我孙子一看说都是假的",
        "昨晚十点有人用一扎一百元的票子在我们加油站加油，验钞机一过全报警",
        "那个人给的几张一百不是真的，摸起来软趴趴",
        "一叠五十块的票子摸上去怪怪的，就是刚才在我们奶茶店收的",
    ]),
    "a push that knocks someone down is a push": ({"推", "被人~推", "踢", "推~~{倒下}"}, [
        "排队的时候后面那个男的把我妈推倒了，她现在起不来",
        "有个阿伯喺街市同人争位，俾人一手推跌咗",
        "我在公园跳舞，有个老头嫌我们占地方，过来就把我推倒了，我这腰啊现在还疼",
        "今天早上七点多在公交站，有人插队还把排队的阿姨推倒了",
        "我没惹他，他冲过来就把我老公踢倒了",
        "前台小妹被客人推倒了，就在我们酒店大堂",
        "佢一手推我阿妈，我阿妈即刻跌倒喺地",  # pushed, then down, in two clauses
    ]),
    # (the threat after 就 counts: "不撤诉就…打断", not negated by the condition's 不)
    "a threat on a condition: the negation is the condition's": ({"打断", "砍", "打死", "捅", "砸烂"}, [
        "包工头说我不撤诉就找人打断我的手",
        "对面档口个老细话我唔撤走个档就打断我只手",
        "我那个侄子啊天天上门，说我不走就砍我，我都七十多了",
        "今晚十点前不交钱就打死你，他发给我的短信就这么写",
        "他讲我唔签字就捅我",
        "说我不退钱就砸烂我的店，那个人现在还在我们奶茶店门口",
    ]),
    "sex services behind a shop front, by its signs": ({"{色情场所}~~{暧昧迹象}", "{暧昧迹象}~~{色情场所}"}, [
        "楼下那间按摩店整晚亮着粉红灯，进去的全是男人",
        "街口间沐足店成晚开住粉红色嘅灯，净系见男人入去",
        "我们这条巷子有家洗头房，我看了好久了，白天不开门，晚上点个红灯，进出的都是男的",
        "每晚过了十一点，那家足疗店里只有男人出入",
        "那个发廊从来不见有人剪头发，门口的灯是粉红色的",
        "粉红色的灯一开一整晚，男人一进去就拉下卷闸，就是我们小区对面的推拿店",
    ]),
}

DEPARTMENT_CONCEPTS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    # (text, department)
    "a verb of force on a trade's thing is the trade's work, and so is the bare verb again": ("", [
        ("楼上从早上九点打墙打到中午，装修的电钻声吵得我头痛", "物业"),
        ("隔篱屋装修师傅打咗成日墙，好嘈", "物业"),
        ("我这个手啊，前天去村里那个没牌的诊所打点滴，护士打了三次才打进去，现在又肿又痛", "卫生"),
        ("下午四点在无证诊所打完吊瓶，孩子就开始发烧", "卫生"),
        ("工地打桩打到半夜，吵得人没法睡，不是一天两天了", "住建"),
        ("每天打墙打到下午五点才停，就是对面在装修的那套房", "物业"),
    ]),
    "a business's own charge called a cheat is a complaint about the charge": ("", [
        ("这个月电费突然多了三百块，我怀疑供电局坑我", "供电"),
        ("个水费单无端端多咗几百蚊，系咪俾自来水公司呃咗", "水务"),
        ("我一个老头子一个月哪用得了那么多气，燃气公司的账单年年涨，这不是骗人吗", "燃气"),
        ("今天早上在菜市场买了三斤排骨，回家用秤一称才两斤半，那个档主明明就是坑人", "市场监管"),
        ("物业费我从来没欠过，管理处却又多收了我三个月，这不是骗钱吗", "物业"),
        ("缺斤少两还骗人说秤没问题，就是我们小区门口那家水果店", "市场监管"),
    ]),
    "a hazard feared is no threat made": ("", [
        ("厨房那个煤气罐的阀门拧不紧，我好担心会爆炸", "燃气"),
        ("屋企个热水器成日有阵臭味，我好惊佢会爆", "燃气"),
        ("我家那个老电表箱啊，一下雨就滋滋响，我老伴说万一着火怎么办", "供电"),
        ("从昨晚开始楼道里一直有股煤气味，邻居都怕会起火", "燃气"),
        ("现在没有冒烟，但是楼下电箱一直发烫，我担心会烧起来", "供电"),
        ("怕会炸，液化气瓶的胶管裂了，就在我们店后厨", "燃气"),
    ]),
    "a tool or a blow against an animal is no weapon": ("", [
        ("阳台上有条蛇，我老公拿铁棍压住它，你们快来", "消防"),
        ("厕所有条蛇，阿爸揸住支木棍指住条蛇唔敢郁", "消防"),
        ("村里水沟边爬出来一条好长的蛇，几个后生拿着钢管在那里赶它，我老了看着都怕", "消防"),
        ("今天下午两点，办公室窗边有个马蜂窝，保安说要拿竹竿去捅它", "消防"),
        ("那条蛇还没走，我们不敢靠近，只是拿棍子把它拦在墙角", "消防"),
        ("保安拿着铁棍在打一条蛇，就在我们楼下的花园", "消防"),
        ("那条蛇被保安用木棍打死了，还有一条钻进了草丛", "消防"),  # the animal first, the tool and blow after
    ]),
    "a fall, said any way": ("", [
        ("商场里有个阿姨在扶梯口滑倒了，后脑着地，叫她没反应", "急救"),
        ("阿嫲落楼梯踩空咗，跌咗喺楼梯度", "急救"),
        ("我老伴刚才去厕所，不知怎么的就倒在厕所地上了，我一个人扶不动", "急救"),
        ("早上六点多晨练的时候，有个大爷在台阶上绊倒了，额头磕破了", "急救"),
        ("没有人推她，是她自己下楼梯的时候失足摔下去的", "急救"),
        ("一个外卖小哥踩空摔了，就在我们写字楼门口的台阶", "急救"),
    ]),
    "begging said as what the beggar does": ("", [
        ("天桥上有个老人天天在那里讨饭，冬天穿得很少", "民政"),
        ("有个阿伯成日喺地铁站出口摆个碗，坐喺度唔郁", "民政"),
        ("我们那条街口啊，有个瘸腿的后生，每天早上就来要饭，我看着心里难受", "民政"),
        ("这个礼拜每天晚上，都有个大叔在夜市门口讨吃", "民政"),
        ("那个人不偷不抢，就是在我们店门口要饭，赶也赶不走", "民政"),
        ("一个老婆婆在讨饭，就在我们医院停车场出口", "民政"),
    ]),
    "a gas appliance giving off a smell": ("", [
        ("厨房灶台旁边总有一股怪怪的味道", "燃气"),
        ("屋企个炉头啲胶喉好旧，一开火就有阵味", "燃气"),
        ("我那个灶啊用了十几年了，这两天一拧开就闻到一股味，我也不懂", "燃气"),
        ("昨晚十点多洗澡的时候热水器那边一直有臭味", "燃气"),
        ("没有着火，就是灶头的软管那里一直有股味道", "燃气"),
        ("一股怪怪的味道，是从我家阳台的热水器那里冒出来的", "燃气"),
    ]),
}

# Department calls written to sit near the new police concepts: the concept must not fire on them.
NEAR_POLICE = [
    ("出租车司机说过江要另外加二十块才肯开", "交通运输"),  # pay more to drive on, nobody held
    ("物业说要先交清管理费才给开门禁卡", "物业"),  # an estate's fee, no one shut in
    # ("在诊所打针的时候护士手抖，打了两次", "卫生"): the rules' answer, which the reader overrules: see
    # test_station_duty_triage_reader.py
    ("有个人倒在地上，旁边那个男的还在踢他", "公安"),  # a fall beside a blow is the blow's
    ("我怕他会打我，他昨天喝醉了就砸东西", "公安"),  # fear of a person, not of a hazard
    ("电费单上多收了钱，打电话过去客服说帮我转账退款，让我共享屏幕，结果被骗了", "公安"),  # the fraud's own words
    ("有人打电话讲我燃气费欠费，叫我交钱，交了才发现被骗了", "公安"),  # a bill named, then a fraud told as done
]


def _not_from_the_set(text: str, run: int = 8) -> None:
    """In words no labelled call uses: no run of ``run`` characters of it appears in one."""
    shared = [text[i:i + run] for i in range(len(text) - run + 1) if any(text[i:i + run] in t for t in _TEXTS)]
    assert not shared, shared


@pytest.mark.parametrize(("concept", "text"), [(concept, text) for concept, (_s, texts) in CONCEPTS.items()
                                                for text in texts])
def test_a_police_concept_holds_on_every_paraphrase(concept: str, text: str) -> None:
    found = rules_suggest(text, "", 14)
    assert (found.police, found.department) == (True, "公安"), found.reason
    assert CONCEPTS[concept][0] & set(found.matched), found.reason  # the concept's own sign decided
    _not_from_the_set(text)


@pytest.mark.parametrize(("concept", "text", "department"), [
    (concept, text, department) for concept, (_n, calls) in DEPARTMENT_CONCEPTS.items() for text, department in calls])
def test_a_department_concept_holds_on_every_paraphrase(concept: str, text: str, department: str) -> None:
    found = rules_suggest(text, "", 14)
    assert (found.police, found.department) == (False, department), found.reason
    _not_from_the_set(text)


@pytest.mark.parametrize(("text", "department"), NEAR_POLICE)
def test_calls_near_the_new_concepts_keep_their_own_department(text: str, department: str) -> None:
    assert rules_suggest(text, "", 14).department == department
    _not_from_the_set(text)


def test_every_concept_has_six_paraphrases() -> None:
    assert all(len(texts) >= 6 for _s, texts in CONCEPTS.values())
    assert all(len(calls) >= 6 for _n, calls in DEPARTMENT_CONCEPTS.values())


# -- the mechanisms, on descriptions cut by hand --------------------------------------------------------------

def _finder(words: list[str], scope_breaks: tuple[str, ...] = (), police: tuple[str, ...] = ()) -> Finder:
    sets = {"包": ["行李箱"], "无主": ["没人要"], "时长": ["<时长>", "半天"]}
    return Finder(words, ["不", "没"], ["但是"], 3, word_sets=sets, scope_breaks=scope_breaks, police=police)


def test_a_pattern_s_gap_does_not_count_particles_or_durations() -> None:
    finder = _finder(["{包}~{无主}", "{包}~~{时长}"])
    pieces = ["行李箱", "放", "了", "一个多", "钟", "都", "没人要"]  # four words apart, one that counts
    assert [found.word for found in finder.find(pieces)] == ["{包}~{无主}", "{包}~~{时长}"]
    # a word that says something does count: four of them are too far
    assert [found.word for found in finder.find(["行李箱", "放", "在", "门口", "旁边", "没人要"])] == []


def test_a_negation_does_not_reach_past_a_condition_s_then() -> None:
    pieces = ["不", "搬", "就", "打断"]
    assert finder_negated(_finder(["打断"]), pieces) == [True]  # without scope breaks, as before
    assert finder_negated(_finder(["打断"], scope_breaks=("就",)), pieces) == [False]
    assert finder_negated(_finder(["打断"], scope_breaks=("就",)), ["没", "打断"]) == [True]


def finder_negated(finder: Finder, pieces: list[str]) -> list[bool]:
    return [found.negated for found in finder.find(pieces)]


def test_a_verb_glued_to_its_result_is_the_verb() -> None:
    finder = _finder(["推", "被人~推"], police=("推", "被人~推"))
    assert [found.word for found in finder.find(["被人", "推倒"])] == ["被人~推"]
    assert [found.word for found in finder.find(["推倒"])] == ["推"]
    assert [found.word for found in finder.find(["推销"])] == []  # not a result: another word


def test_a_bare_verb_the_call_uses_as_a_trade_s_verb_is_no_blow() -> None:
    finder = _finder(["打", "打吊针", "打人", "打的"], police=("打", "打人"))
    assert [found.word for found in finder.find(["打吊针", "，", "打", "完"])] == ["打吊针"]
    assert [found.word for found in finder.find(["打吊针", "，", "打人"])] == ["打吊针", "打人"]  # its own word
    # a verb and a particle is the verb itself ("用尺子打的" is a blow)
    assert [found.word for found in finder.find(["打的", "，", "打"])] == ["打的", "打"]
