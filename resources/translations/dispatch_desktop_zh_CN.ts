<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dialogs.py" line="79"/>
        <source>A reason is required.</source>
        <translation>必须填写原因。</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="41"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="42"/>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="43"/>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="44"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="47"/>
        <source>SOS</source>
        <translation>紧急求助</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="48"/>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/alerts.py" line="54"/>
        <source>Officer needs help at {lat:.5f}, {lon:.5f}</source>
        <translation>民警在 {lat:.5f}, {lon:.5f} 请求紧急支援</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/alerts_panel.py" line="45"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/alerts_panel.py" line="48"/>
        <source>{title} — {count} SOS</source>
        <translation>{title} — {count} 个紧急求助</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="58"/>
        <source>Police</source>
        <translation>警务类</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="59"/>
        <source>Non-police</source>
        <translation>非警务类</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="17"/>
        <source>Fastest arrival</source>
        <translation>最快到达</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="18"/>
        <source>Violent / terror: rapid-response team first (+{extra} s)</source>
        <translation>暴力/暴恐警情：羊城突击队优先（+{extra} 秒）</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="19"/>
        <source>Violent / terror: rapid-response back-up (+{extra} s)</source>
        <translation>暴力/暴恐警情：羊城突击队增援（+{extra} 秒）</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="20"/>
        <source>Incident&apos;s own station</source>
        <translation>警情所属辖区派出所</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="21"/>
        <source>Soon free: on a break</source>
        <translation>即将可用：暂歇中</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="22"/>
        <source>Soon free: on scene at {incident}, about {minutes} min</source>
        <translation>即将可用：正在 {incident} 现场，约 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="26"/>
        <source>Call → dispatch</source>
        <translation>接警 → 派警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="27"/>
        <source>Dispatch → arrival</source>
        <translation>派警 → 到场</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="28"/>
        <source>Arrival → clear</source>
        <translation>到场 → 处置完毕</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="32"/>
        <source>District</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="33"/>
        <source>Police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="34"/>
        <source>Patrol area</source>
        <translation>巡逻区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="35"/>
        <source>Duty point</source>
        <translation>屯警点</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="36"/>
        <source>Checkpoint</source>
        <translation>卡口</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="37"/>
        <source>Metro station</source>
        <translation>地铁站</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="38"/>
        <source>Bus / coach station</source>
        <translation>公交/客运站</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="39"/>
        <source>Square</source>
        <translation>广场</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="40"/>
        <source>Shopping mall</source>
        <translation>商场</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="41"/>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="42"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="43"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="44"/>
        <source>Park</source>
        <translation>公园</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="48"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="49"/>
        <source>Unit</source>
        <translation>警力</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="50"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="51"/>
        <source>Station</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="52"/>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="53"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="54"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="55"/>
        <source>Why</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="58"/>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="60"/>
        <source>{phase}
{elapsed} / {target}</source>
        <translation>{phase}
{elapsed} / {target}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="63"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="64"/>
        <source>Advice given</source>
        <translation>已给予建议</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="65"/>
        <source>Nothing found on arrival</source>
        <translation>到场未发现情况</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="66"/>
        <source>Duplicate call</source>
        <translation>重复报警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="67"/>
        <source>Not a valid incident</source>
        <translation>无效警情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="68"/>
        <source>False report</source>
        <translation>虚假报警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="74"/>
        <source>Dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="75"/>
        <source>En route</source>
        <translation>出警途中</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="76"/>
        <source>On scene</source>
        <translation>到场处置</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="77"/>
        <source>Cleared</source>
        <translation>处置完毕</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="78"/>
        <source>Recalled</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="113"/>
        <source>{m} m</source>
        <translation>{m} 米</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="114"/>
        <source>{km:.1f} km</source>
        <translation>{km:.1f} 公里</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="178"/>
        <source>Dispatch (Enter/F5)</source>
        <translation>派警 (Enter/F5)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="179"/>
        <source>Re-rank (F6)</source>
        <translation>重新排序 (F6)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="180"/>
        <source>Transfer to department (F7)</source>
        <translation>移交部门 (F7)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="181"/>
        <source>Recall (F8)</source>
        <translation>撤回 (F8)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="182"/>
        <source>Close (F9)</source>
        <translation>结案 (F9)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="186"/>
        <source>Dispatch</source>
        <translation>调度派警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="187"/>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="299"/>
        <source>Unit</source>
        <translation>警力</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="187"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="187"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="188"/>
        <source>Units on this incident</source>
        <translation>本警情处警力量</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="189"/>
        <source>Recommended units — Enter sends the highlighted one, 1–9 the nth</source>
        <translation>推荐警力 — Enter 派出选中项，1–9 派出第 n 项</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="235"/>
        <source>There is no unit in row %1.</source>
        <translation>第 %1 行没有警力。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="240"/>
        <source>%1 cannot be sent now (%2).</source>
        <translation>%1 现在不能派出（%2）。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="245"/>
        <source>Dispatching %1…</source>
        <translation>正在派出 %1…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="259"/>
        <source>Only non-police incidents awaiting dispatch are transferred.</source>
        <translation>只有待派的非警务类警情可以移交。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="268"/>
        <source>Transferred %1 to %2.</source>
        <translation>已将 %1 移交 %2。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="271"/>
        <source>Transfer to department</source>
        <translation>移交部门</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="272"/>
        <source>Transfer %1 (%2) to:</source>
        <translation>将 %1（%2）移交给：</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="274"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="275"/>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="300"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="284"/>
        <source>No unit is assigned to %1.</source>
        <translation>%1 没有处警力量。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="295"/>
        <source>Recalled %1.</source>
        <translation>已撤回 %1。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="298"/>
        <source>Recall unit</source>
        <translation>撤回警力</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="298"/>
        <source>Recall a unit from %1:</source>
        <translation>从 %1 撤回警力：</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="313"/>
        <source>Closed %1.</source>
        <translation>%1 已结案。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="316"/>
        <source>Close incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="316"/>
        <source>Close %1 as:</source>
        <translation>%1 结案方式：</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="317"/>
        <source>Disposition</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="318"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="386"/>
        <source>No incident selected — F2 takes a new call</source>
        <translation>未选择警情 — 按 F2 接听新报警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="400"/>
        <source>caller %1</source>
        <translation>报警人 %1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="402"/>
        <source>duplicate of %1</source>
        <translation>%1 的重复警情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="410"/>
        <source>Transferred to %1.</source>
        <translation>已移交 %1。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="412"/>
        <source>Not police business: belongs to %1 — transfer with F7.</source>
        <translation>非警务类：属于 %1 — 按 F7 移交。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="480"/>
        <source>Select an incident first.</source>
        <translation>请先选择警情。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="483"/>
        <source>This is a replay of the past: nothing can be sent.</source>
        <translation>当前为历史回放：不能发送任何指令。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="486"/>
        <source>%1 is %2.</source>
        <translation>%1 当前为 %2。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="495"/>
        <source>%1 dispatched — the hub accepted.</source>
        <translation>%1 已派出 — 指挥中心已受理。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="518"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="521"/>
        <source>Not sent (%1) — try again.</source>
        <translation>未发送（%1）— 请重试。</translation>
    </message>
</context>
<context>
    <name>District</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="138"/>
        <source>Liwan</source>
        <translation>荔湾区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="139"/>
        <source>Yuexiu</source>
        <translation>越秀区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="140"/>
        <source>Haizhu</source>
        <translation>海珠区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="141"/>
        <source>Tianhe</source>
        <translation>天河区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="142"/>
        <source>Baiyun</source>
        <translation>白云区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="143"/>
        <source>Huangpu</source>
        <translation>黄埔区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="144"/>
        <source>Panyu</source>
        <translation>番禺区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="145"/>
        <source>Huadu</source>
        <translation>花都区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="146"/>
        <source>Nansha</source>
        <translation>南沙区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="147"/>
        <source>Conghua</source>
        <translation>从化区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="148"/>
        <source>Zengcheng</source>
        <translation>增城区</translation>
    </message>
</context>
<context>
    <name>IncidentDetail</name>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="31"/>
        <source>Priority</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="32"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="33"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="34"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="35"/>
        <source>Station</source>
        <translation>辖区派出所</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="36"/>
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="37"/>
        <source>Description</source>
        <translation>警情描述</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="38"/>
        <source>Units</source>
        <translation>处警力量</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="39"/>
        <source>Call received</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="40"/>
        <source>First dispatch</source>
        <translation>首次派警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="41"/>
        <source>First arrival</source>
        <translation>首次到场</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="42"/>
        <source>Cleared</source>
        <translation>处置完毕</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="46"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="47"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="48"/>
        <source>Unit</source>
        <translation>警力</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="49"/>
        <source>By</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="50"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="114"/>
        <source>Incident detail</source>
        <translation>警情详情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="117"/>
        <source>Timeline</source>
        <translation>处置时间线</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="142"/>
        <source>No incident selected</source>
        <translation>未选择警情</translation>
    </message>
</context>
<context>
    <name>IncidentQueue</name>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="17"/>
        <source>No.</source>
        <translation>警情编号</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="18"/>
        <source>Priority</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="19"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="20"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="21"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="22"/>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="23"/>
        <source>Call time</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="24"/>
        <source>Elapsed</source>
        <translation>历时</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="25"/>
        <source>Units</source>
        <translation>处警力量</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_queue.py" line="33"/>
        <source>Incident queue</source>
        <translation>警情队列</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_queue.py" line="34"/>
        <source>Search number, type, address…</source>
        <translation>搜索编号、类型、地址…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/incident_queue.py" line="35"/>
        <source>Show closed</source>
        <translation>显示已结警情</translation>
    </message>
</context>
<context>
    <name>IncidentStatus</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="35"/>
        <source>Awaiting dispatch</source>
        <translation>待派</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="36"/>
        <source>Dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="37"/>
        <source>Being handled</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="38"/>
        <source>Cleared</source>
        <translation>处置完毕</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="39"/>
        <source>Referred</source>
        <translation>已移交</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="40"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="263"/>
        <source>Caller &amp;number</source>
        <translation>报警电话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="264"/>
        <source>Caller na&amp;me</source>
        <translation>报警人姓名(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="265"/>
        <source>&amp;Location</source>
        <translation>地点(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="266"/>
        <source>&amp;Address</source>
        <translation>详细地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="267"/>
        <source>Incident &amp;type</source>
        <translation>警情类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="268"/>
        <source>&amp;Priority (1–4)</source>
        <translation>等级(&amp;P) (1–4)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="269"/>
        <source>D&amp;escription</source>
        <translation>警情描述(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="273"/>
        <source>110 intake</source>
        <translation>110 接警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="274"/>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="275"/>
        <source>Type a place, station or district — or click the map</source>
        <translation>输入地点、派出所或行政区 — 或在地图上点选</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="276"/>
        <source>Street and number, building, floor…</source>
        <translation>街道门牌、楼栋、楼层…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="277"/>
        <source>Type in Chinese or English, e.g. 斗殴 or fight</source>
        <translation>可输入中文或英文，例如 斗殴 或 fight</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="278"/>
        <source>What the caller says is happening</source>
        <translation>报警人所述情况</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="279"/>
        <source>Create incident (Ctrl+Enter)</source>
        <translation>创建警情 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="280"/>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="722"/>
        <source>Discard call</source>
        <translation>放弃本次报警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="281"/>
        <source>Possible duplicates</source>
        <translation>可能的重复警情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="358"/>
        <source>near %1</source>
        <translation>%1 附近</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="379"/>
        <source>No open incident nearby to mark as the original.</source>
        <translation>附近没有可作为原警情的未结警情。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="433"/>
        <source>No place matches “%1”: try another name or click the map.</source>
        <translation>没有与“%1”匹配的地点：请换个名称或在地图上点选。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="455"/>
        <source>%1 · %2 · %3, %4</source>
        <translation>%1 · %2 · %3, %4</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="458"/>
        <source>Outside the service area · nearest station %2 · %3, %4</source>
        <translation>超出辖区范围 · 最近派出所 %2 · %3, %4</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="523"/>
        <source>No incident type matches “%1”.</source>
        <translation>没有与“%1”匹配的警情类型。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="541"/>
        <source>Not police business: belongs to %1. Create it, then transfer it (F7).</source>
        <translation>非警务类：属于 %1。请先创建，再移交（F7）。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="547"/>
        <source>with %1</source>
        <translation>会同 %1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="549"/>
        <source>rapid-response team first</source>
        <translation>羊城突击队优先</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="576"/>
        <source>%1 · %2 · %3 away · %4 ago · %5</source>
        <translation>%1 · %2 · 相距 %3 · %4 前 · %5</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="592"/>
        <source>Not a duplicate (Alt+D)</source>
        <translation>不是重复警情 (Alt+D)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="593"/>
        <source>Will be recorded as a duplicate of %1 and closed.</source>
        <translation>将记为 %1 的重复警情并结案。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="597"/>
        <source>Mark as duplicate of %1 (Alt+D)</source>
        <translation>标为 %1 的重复警情 (Alt+D)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="607"/>
        <source>Enter the caller&apos;s number: 3 to 20 digits.</source>
        <translation>请输入报警电话：3 至 20 位数字。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="609"/>
        <source>Pick a place from the list or click the map.</source>
        <translation>请从列表中选择地点或在地图上点选。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="612"/>
        <source>Enter the address.</source>
        <translation>请输入地址。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="614"/>
        <source>Choose an incident type from the list.</source>
        <translation>请从列表中选择警情类型。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="618"/>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="623"/>
        <source>Check the marked fields.</source>
        <translation>请检查标记的字段。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="648"/>
        <source>Sending %1…</source>
        <translation>正在发送 %1…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="661"/>
        <source>The hub refused the incident: %1</source>
        <translation>指挥中心拒绝了该警情：%1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="665"/>
        <source>Not sent (%1). Nothing is lost: press Ctrl+Enter to try again.</source>
        <translation>未发送（%1）。内容未丢失：按 Ctrl+Enter 重试。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="670"/>
        <source>%1 recorded as a duplicate of %2.</source>
        <translation>%1 已记为 %2 的重复警情。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="679"/>
        <source>%1 created.</source>
        <translation>%1 已创建。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="689"/>
        <source>The duplicate could not be closed: %1</source>
        <translation>重复警情未能结案：%1</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="705"/>
        <source>110 intake — F2 starts a call</source>
        <translation>110 接警 — 按 F2 开始接警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="708"/>
        <source>110 call since %1 (%2)</source>
        <translation>110 来电 %1（已通话 %2）</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="723"/>
        <source>Discard everything typed for this call?</source>
        <translation>放弃本次报警已输入的全部内容？</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="153"/>
        <source>LANGUAGE_CODE</source>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dispatch_desktop/ui/main_window.py" line="167"/>
        <source>Dispatch Desktop</source>
        <translation>指挥调度台</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/main_window.py" line="170"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/main_window.py" line="171"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/main_window.py" line="172"/>
        <source>Reset layout</source>
        <translation>恢复默认布局</translation>
    </message>
</context>
<context>
    <name>MapLayers</name>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="37"/>
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="38"/>
        <source>Police stations and their areas</source>
        <translation>派出所及辖区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="39"/>
        <source>Emergency patrol areas</source>
        <translation>应急巡逻区</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="40"/>
        <source>Incidents</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="41"/>
        <source>Patrol groups</source>
        <translation>巡组</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="42"/>
        <source>Rapid-response teams</source>
        <translation>羊城突击队</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="43"/>
        <source>Traffic police and station cars</source>
        <translation>交警及派出所警车</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="44"/>
        <source>Duty points</source>
        <translation>屯警点</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="45"/>
        <source>Checkpoints</source>
        <translation>卡口</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="46"/>
        <source>Cameras</source>
        <translation>视频监控点</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="51"/>
        <source>Units</source>
        <translation>警力</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="52"/>
        <source>Incidents by priority</source>
        <translation>警情等级</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/bridge.py" line="53"/>
        <source>{n} incidents here: click to zoom in</source>
        <translation>此处 {n} 起警情：点击放大</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/map/layer_menu.py" line="31"/>
        <source>Map layers</source>
        <translation>地图图层</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../dispatch_desktop/ui/map/view.py" line="163"/>
        <source>The map could not be loaded</source>
        <translation>地图无法加载</translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="52"/>
        <source>Live</source>
        <translation>实战</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="53"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="54"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="63"/>
        <source>P1 critical</source>
        <translation>一级 特急</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="64"/>
        <source>P2 urgent</source>
        <translation>二级 紧急</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="65"/>
        <source>P3 routine</source>
        <translation>三级 一般</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="66"/>
        <source>P4 low</source>
        <translation>四级 较低</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="87"/>
        <source>Unit {unit} is not on the roster.</source>
        <translation>警力 {unit} 不在编。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="88"/>
        <source>Incident {incident} does not exist.</source>
        <translation>警情 {incident} 不存在。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="89"/>
        <source>Incident {incident} already exists.</source>
        <translation>警情 {incident} 已存在。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="90"/>
        <source>Incident {incident} is already {status}; it cannot be changed.</source>
        <translation>警情 {incident} 当前为“{status}”，不能再更改。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="93"/>
        <source>Unit {unit} is {status}, not available: it cannot be dispatched.</source>
        <translation>警力 {unit} 当前为“{status}”，不可调派。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="96"/>
        <source>Unit {unit} is already assigned to incident {incident}.</source>
        <translation>警力 {unit} 已在处置警情 {incident}。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="99"/>
        <source>Unit {unit} is not assigned to incident {incident}.</source>
        <translation>警力 {unit} 未被派往警情 {incident}。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="100"/>
        <source>Unit {unit} is {status}; there is no dispatch to acknowledge.</source>
        <translation>警力 {unit} 当前为“{status}”，没有待确认的派警指令。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="103"/>
        <source>Unit {unit} is {status}; it cannot arrive at incident {incident}.</source>
        <translation>警力 {unit} 当前为“{status}”，不能到达警情 {incident}。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="106"/>
        <source>Unit {unit} is {status}, not on scene at incident {incident}.</source>
        <translation>警力 {unit} 当前为“{status}”，不在警情 {incident} 现场。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="109"/>
        <source>Unit {unit} cannot be set to {status} by hand: dispatched, en route and on scene follow from dispatch, acknowledgement and arrival.</source>
        <translation>不能手动将警力 {unit} 设为“{status}”：已派警、出警途中、到场处置只能由派警、签收和到场产生。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="114"/>
        <source>Unit {unit} is working incident {incident}: clear or recall it before changing its status.</source>
        <translation>警力 {unit} 正在处置警情 {incident}：请先处置完毕或撤回，再更改其状态。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="118"/>
        <source>Unit {unit} cannot go from {from_status} to {to_status}.</source>
        <translation>警力 {unit} 不能从“{from_status}”变为“{to_status}”。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="121"/>
        <source>Incident {incident} cannot go from {from_status} to {to_status}.</source>
        <translation>警情 {incident} 不能从“{from_status}”变为“{to_status}”。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="124"/>
        <source>Incident {incident} still has units assigned ({units}): recall or clear them first.</source>
        <translation>警情 {incident} 仍有处警力量（{units}）：请先撤回或处置完毕。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="127"/>
        <source>Incident {incident} is {status}: only an undispatched incident can be referred.</source>
        <translation>警情 {incident} 当前为“{status}”：只有未派警的警情可以移交。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="130"/>
        <source>Incident {incident} is marked duplicate of {duplicate_of}, which does not exist.</source>
        <translation>警情 {incident} 被标为 {duplicate_of} 的重复警情，但后者不存在。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="133"/>
        <source>Order {order} is not pending for unit {unit}.</source>
        <translation>警力 {unit} 没有待送达的指令 {order}。</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="134"/>
        <source>Unit {unit} has no emergency to acknowledge.</source>
        <translation>警力 {unit} 没有需要确认的紧急求助。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../dispatch_desktop/ui/status_bar.py" line="42"/>
        <source>● Hub connected</source>
        <translation>● 指挥中心已连接</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/status_bar.py" line="43"/>
        <source>Events from the command center arrive live</source>
        <translation>指挥中心事件实时接收中</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/status_bar.py" line="45"/>
        <source>● Hub disconnected</source>
        <translation>● 与指挥中心断开</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/status_bar.py" line="46"/>
        <source>No link to the command center: the picture may be out of date</source>
        <translation>与指挥中心失去连接：当前态势可能已过时</translation>
    </message>
</context>
<context>
    <name>TimelineKind</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="70"/>
        <source>Incident created</source>
        <translation>警情创建</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="71"/>
        <source>Reclassified</source>
        <translation>重新定性</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="72"/>
        <source>Unit dispatched</source>
        <translation>派警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="73"/>
        <source>Dispatch acknowledged</source>
        <translation>签收指令</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="74"/>
        <source>Arrived on scene</source>
        <translation>到达现场</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="75"/>
        <source>Cleared on scene</source>
        <translation>现场处置完毕</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="76"/>
        <source>Unit recalled</source>
        <translation>撤回警力</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="77"/>
        <source>Referred</source>
        <translation>移交部门</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="78"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="79"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="80"/>
        <source>Field record</source>
        <translation>现场记录</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="81"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
</context>
<context>
    <name>UnitBoard</name>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="18"/>
        <source>Call sign</source>
        <translation>呼号</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="19"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="20"/>
        <source>Station</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="21"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="22"/>
        <source>Incident</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="23"/>
        <source>Last report</source>
        <translation>最后上报</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="22"/>
        <source>All units</source>
        <translation>全部警力</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="23"/>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="24"/>
        <source>Available</source>
        <translation>巡逻待命</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="25"/>
        <source>Busy on incidents</source>
        <translation>处警中</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="26"/>
        <source>Unavailable</source>
        <translation>暂不可用</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="27"/>
        <source>Off duty</source>
        <translation>未上勤</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="28"/>
        <source>SOS</source>
        <translation>紧急求助</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="54"/>
        <source>Unit status</source>
        <translation>警力状态</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="55"/>
        <source>Search call sign, station, incident…</source>
        <translation>搜索呼号、单位、警情…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="64"/>
        <source>Follow on map</source>
        <translation>地图跟随</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="66"/>
        <source>Keep the map centred on the selected unit</source>
        <translation>地图始终以所选警力为中心</translation>
    </message>
</context>
<context>
    <name>UnitKind</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="44"/>
        <source>Patrol group</source>
        <translation>巡组</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="45"/>
        <source>Rapid-response team</source>
        <translation>羊城突击队</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="46"/>
        <source>Traffic police</source>
        <translation>交警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="47"/>
        <source>Station car</source>
        <translation>派出所警车</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="48"/>
        <source>Officer</source>
        <translation>单警</translation>
    </message>
</context>
<context>
    <name>UnitStatus</name>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="26"/>
        <source>Off duty</source>
        <translation>未上勤</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="27"/>
        <source>Available</source>
        <translation>巡逻待命</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="28"/>
        <source>Dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="29"/>
        <source>En route</source>
        <translation>出警途中</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="30"/>
        <source>On scene</source>
        <translation>到场处置</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/labels.py" line="31"/>
        <source>Unavailable</source>
        <translation>暂不可用</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="170"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="171"/>
        <source>Connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="172"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="173"/>
        <source>No signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="180"/>
        <source>Offline since {time}</source>
        <translation>自 {time} 起离线</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="182"/>
        <source>No stream configured</source>
        <translation>未配置视频流</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="182"/>
        <source>Empty: select an incident, or a camera on the map</source>
        <translation>空闲：请选择警情，或在地图上点选摄像头</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="246"/>
        <source>{distance:.0f} m from the incident</source>
        <translation>距警情 {distance:.0f} 米</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="205"/>
        <source>Pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="210"/>
        <source>{distance:.0f} m</source>
        <translation>{distance:.0f} 米</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="212"/>
        <source>in view</source>
        <translation>视野内</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="199"/>
        <source>{fps:.1f} fps</source>
        <translation>{fps:.1f} 帧/秒</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="189"/>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="191"/>
        <source>Show {count} tiles</source>
        <translation>显示 {count} 路</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="192"/>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="554"/>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="193"/>
        <source>Keep the selected camera on the wall when the incident changes (P)</source>
        <translation>切换警情时保留所选摄像机 (P)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="194"/>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="556"/>
        <source>Enlarge</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="195"/>
        <source>Show the selected tile alone (double-click; Esc returns)</source>
        <translation>单独显示所选画面（双击；Esc 返回）</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="196"/>
        <source>Snapshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="197"/>
        <source>Attach the selected tile&apos;s picture to the incident</source>
        <translation>将所选画面附加到警情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="198"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="199"/>
        <source>Take the selected camera off the wall (Del)</source>
        <translation>从视频墙移除所选摄像机 (Del)</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="272"/>
        <source>Unknown camera {id}</source>
        <translation>未知摄像机 {id}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="276"/>
        <source>Every tile is pinned: unpin one to show {name}</source>
        <translation>所有画面均已固定：请取消固定一路以显示 {name}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="325"/>
        <source>No picture on this tile yet</source>
        <translation>该画面暂无图像</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="333"/>
        <source>Video snapshot: {camera_name} ({camera_id}) at {time}, sha256 {sha256}</source>
        <translation>视频截图：{camera_name}（{camera_id}）于 {time}，sha256 {sha256}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="321"/>
        <source>Select an incident first: a snapshot is attached to an incident</source>
        <translation>请先选择警情：截图需附加到警情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="323"/>
        <source>Select a tile with a camera first</source>
        <translation>请先选择有摄像机的画面</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="422"/>
        <source>Snapshot could not be saved: {error}</source>
        <translation>截图未能保存：{error}</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="428"/>
        <source>Snapshot saved for incident {id}</source>
        <translation>已为警情 {id} 保存截图</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="554"/>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="556"/>
        <source>Back to the grid</source>
        <translation>返回宫格</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="558"/>
        <source>Snapshot to incident</source>
        <translation>截图到警情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="560"/>
        <source>Remove from wall</source>
        <translation>从视频墙移除</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="574"/>
        <source>No incident selected</source>
        <translation>未选择警情</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="576"/>
        <source>Following incident {id}</source>
        <translation>正在跟随警情 {id}</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <location filename="../../dispatch_desktop/ui/workstation.py" line="144"/>
        <source>SOS from {unit}</source>
        <translation>{unit} 发出紧急求助</translation>
    </message>
    <message>
        <location filename="../../dispatch_desktop/ui/workstation.py" line="149"/>
        <source>Map unavailable: {reason}</source>
        <translation>地图不可用：{reason}</translation>
    </message>
</context>
</TS>
