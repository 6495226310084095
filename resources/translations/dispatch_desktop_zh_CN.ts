<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>ActionBar</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/action_bar.py" line="+192" />
            <source>More actions</source>
            <translation>更多操作</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/dialogs.py" line="+100" />
            <source>A reason is required.</source>
            <translation>必须填写原因。</translation>
        </message>
    </context>
    <context>
        <name>Alerts</name>
        <message>
            <location filename="../../dispatch_desktop/ui/models/alerts.py" line="+53" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alert</source>
            <translation>告警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>About</source>
            <translation>对象</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SOS</source>
            <translation>紧急求助</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue</source>
            <translation>超时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notice</source>
            <translation>提示</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Officer needs help at {lat:.5f}, {lon:.5f}</source>
            <translation>民警在 {lat:.5f}, {lon:.5f} 请求紧急支援</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{phase} overdue by {over} (target {target})</source>
            <translation>{phase}已超时 {over}（目标 {target}）</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/alerts_panel.py" line="+46" />
            <source>Alerts</source>
            <translation>告警</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{title} — {count} SOS</source>
            <translation>{title} — {count} 个紧急求助</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsDashboard</name>
        <message>
            <source>being worked out…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <source>110 calls today</source>
            <translation>今日110接警</translation>
        </message>
        <message>
            <source>valid incidents today</source>
            <translation>今日有效警情</translation>
        </message>
        <message>
            <source>non-police</source>
            <translation>非警务</translation>
        </message>
        <message>
            <source>{police} police · {non_police} non-police</source>
            <translation>警务 {police} · 非警务 {non_police}</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>结案率</translation>
        </message>
        <message>
            <source>{closed} of {created} closed · median {median}</source>
            <translation>{created} 起中已结 {closed} 起 · 中位 {median}</translation>
        </message>
        <message>
            <source>not enough history</source>
            <translation>历史数据不足</translation>
        </message>
        <message>
            <source>Reading the event log…</source>
            <translation>正在读取事件日志…</translation>
        </message>
        <message>
            <source>No level yet: there is not enough history to learn the normal values from. Generate a practice history (simulated, 8 weeks), or put a generated log at {path}.</source>
            <translation>暂无等级：历史数据不足，无法计算常态值。请生成练习历史（模拟，8周），或将生成的日志放在 {path}。</translation>
        </message>
        <message>
            <source>Levels of the hour ending {at}; normal values fitted {fitted}.</source>
            <translation>截至 {at} 的一小时等级；常态值拟合于 {fitted}。</translation>
        </message>
        <message>
            <source>The last fit failed ({reason}): these are the values fitted before.</source>
            <translation>最近一次拟合失败（{reason}）：显示的是此前拟合的常态值。</translation>
        </message>
        <message>
            <source>Command dashboard</source>
            <translation>指挥看板</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今日</translation>
        </message>
        <message>
            <source>Response times</source>
            <translation>响应时间</translation>
        </message>
        <message>
            <source>Levels</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>110 calls</source>
            <translation>110接警</translation>
        </message>
        <message>
            <source>valid incidents</source>
            <translation>有效警情</translation>
        </message>
        <message>
            <source>hour of the day</source>
            <translation>时段（时）</translation>
        </message>
        <message>
            <source>median</source>
            <translation>中位数</translation>
        </message>
        <message>
            <source>90th percentile</source>
            <translation>90分位</translation>
        </message>
        <message>
            <source>target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>minutes</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Response time</source>
            <translation>响应时间</translation>
        </message>
        <message>
            <source>call → dispatch</source>
            <translation>接警 → 派警</translation>
        </message>
        <message>
            <source>dispatch → arrival</source>
            <translation>派警 → 到场</translation>
        </message>
        <message>
            <source>Priority / district</source>
            <translation>等级 / 辖区</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>警情数</translation>
        </message>
        <message>
            <source>Within target</source>
            <translation>达标率</translation>
        </message>
        <message>
            <source>Median</source>
            <translation>中位数</translation>
        </message>
        <message>
            <source>District</source>
            <translation>辖区</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Staffing</source>
            <translation>勤务</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>The last complete hour against each district&apos;s normal value. Double-click a district for its trend.</source>
            <translation>各区最近完整一小时与常态值对比。双击一个区查看趋势。</translation>
        </message>
        <message>
            <source>Refit now</source>
            <translation>立即重新拟合</translation>
        </message>
        <message>
            <source>Fit the normal values again from the counts read so far</source>
            <translation>用目前已读取的计数重新拟合常态值</translation>
        </message>
        <message>
            <source>Generate practice history (simulated, 8 weeks)…</source>
            <translation>生成练习历史（模拟，8周）…</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsDesk</name>
        <message>
            <source>Levels by district</source>
            <translation>各区等级</translation>
        </message>
        <message>
            <source>Levels by station area</source>
            <translation>各派出所辖区等级</translation>
        </message>
        <message>
            <source>Fitting the normal values again…</source>
            <translation>正在重新拟合常态值…</translation>
        </message>
        <message>
            <source>Practice history written: fitting the normal values…</source>
            <translation>练习历史已写入：正在拟合常态值…</translation>
        </message>
        <message>
            <source>&amp;Analytics</source>
            <translation>统计分析(&amp;A)</translation>
        </message>
        <message>
            <source>Command dashboard</source>
            <translation>指挥看板</translation>
        </message>
        <message>
            <source>District trend</source>
            <translation>辖区趋势</translation>
        </message>
        <message>
            <source>Refit the normal values now</source>
            <translation>立即重新拟合常态值</translation>
        </message>
        <message>
            <source>Generate practice history (simulated, 8 weeks)…</source>
            <translation>生成练习历史（模拟，8周）…</translation>
        </message>
        <message>
            <source>Eight simulated weeks of incidents to learn the normal values from, written beside your log (never into it)</source>
            <translation>八周模拟警情，用于学习常态值，写在您的日志旁（绝不写入日志）</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsHistory</name>
        <message>
            <source>Writing 8 weeks of simulated incidents for the normal values…</source>
            <translation>正在写入8周模拟警情以计算常态值…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Practice history</source>
            <translation>练习历史</translation>
        </message>
        <message>
            <source>Writing 8 weeks of simulated incidents for the normal values… {percent:.0f} %</source>
            <translation>正在写入8周模拟警情以计算常态值… {percent:.0f} %</translation>
        </message>
        <message>
            <source>Cancelled: no practice history was kept.</source>
            <translation>已取消：未保留练习历史。</translation>
        </message>
        <message>
            <source>The practice history could not be written to {path}: {reason}</source>
            <translation>无法将练习历史写入 {path}：{reason}</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsLevels</name>
        <message>
            <source>{area}: the normal values are being worked out…</source>
            <translation>{area}：正在计算常态值…</translation>
        </message>
        <message>
            <source>{area}: not enough history (历史数据不足)</source>
            <translation>{area}：历史数据不足</translation>
        </message>
        <message>
            <source>the last fit failed: normal values since {when}</source>
            <translation>最近一次拟合失败：常态值沿用自 {when}</translation>
        </message>
        <message>
            <source>not enough history</source>
            <translation>历史数据不足</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsService</name>
        <message>
            <source>The dashboard could not be worked out: {reason}</source>
            <translation>无法计算看板数据：{reason}</translation>
        </message>
        <message>
            <source>The trend could not be worked out: {reason}</source>
            <translation>无法计算趋势：{reason}</translation>
        </message>
        <message>
            <source>Counting incidents per hour…</source>
            <translation>正在按小时统计警情…</translation>
        </message>
        <message>
            <source>Fitting the normal values…</source>
            <translation>正在拟合常态值…</translation>
        </message>
        <message>
            <source>Fitting the normal values failed ({reason}); the levels use the values fitted before.</source>
            <translation>常态值拟合失败（{reason}）；等级沿用此前拟合的常态值。</translation>
        </message>
        <message>
            <source>The analytics could not read the event log: {reason}. The values shown are the last ones read.</source>
            <translation>统计分析无法读取事件日志：{reason}。显示的是最近一次读取的数值。</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsTexts</name>
        <message>
            <source>green: normal</source>
            <translation>绿色：正常</translation>
        </message>
        <message>
            <source>blue: above normal</source>
            <translation>蓝色：高于常态</translation>
        </message>
        <message>
            <source>yellow: well above normal</source>
            <translation>黄色：明显高于常态</translation>
        </message>
        <message>
            <source>red: far above normal</source>
            <translation>红色：远高于常态</translation>
        </message>
        <message>
            <source>green</source>
            <translation>绿</translation>
        </message>
        <message>
            <source>blue</source>
            <translation>蓝</translation>
        </message>
        <message>
            <source>yellow</source>
            <translation>黄</translation>
        </message>
        <message>
            <source>red</source>
            <translation>红</translation>
        </message>
        <message>
            <source>last {window} h: {observed} incidents, normal {expected:.1f}, {p}</source>
            <translation>近 {window} 小时：{observed} 起，常态 {expected:.1f}，{p}</translation>
        </message>
        <message>
            <source>no extra patrol groups</source>
            <translation>无需增派巡组</translation>
        </message>
        <message>
            <source>+{n} patrol groups</source>
            <translation>+{n} 巡组</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsTrend</name>
        <message>
            <source>District trend</source>
            <translation>辖区趋势</translation>
        </message>
        <message>
            <source>Last</source>
            <translation>最近</translation>
        </message>
        <message>
            <source>%n day(s)</source>
            <translation>%n 天</translation>
        </message>
        <message>
            <source>incidents per hour</source>
            <translation>每小时警情</translation>
        </message>
        <message>
            <source>normal value</source>
            <translation>常态值</translation>
        </message>
        <message>
            <source>normal band (95 %)</source>
            <translation>常态区间（95 %）</translation>
        </message>
        <message>
            <source>hours at yellow</source>
            <translation>黄色时段</translation>
        </message>
        <message>
            <source>hours at red</source>
            <translation>红色时段</translation>
        </message>
        <message>
            <source>Choose a district, or click one on the level map.</source>
            <translation>选择一个区，或在等级地图上点击一个区。</translation>
        </message>
        <message>
            <source>{area}: not enough history (历史数据不足) for a normal value: generate practice history or wait until the log holds {weeks} weeks.</source>
            <translation>{area}：历史数据不足，无法计算常态值：请生成练习历史，或等日志积累到 {weeks} 周。</translation>
        </message>
        <message>
            <source>Staffing: {staffing}</source>
            <translation>勤务：{staffing}</translation>
        </message>
        <message>
            <source>These {days} days: {yellow} h at yellow and {red} h at red, in {alerts} alert(s) (a run of hours at yellow or red is one alert)</source>
            <translation>这 {days} 天：黄色 {yellow} 小时，红色 {red} 小时，共 {alerts} 次预警（连续处于黄色或红色的时段算一次预警）</translation>
        </message>
    </context>
    <context>
        <name>CallTaking</name>
        <message>
            <location filename="../../dispatch_desktop/ui/call_taking.py" line="+86" />
            <source>Call answered; its details are on their way.</source>
            <translation>已接听来电，详情正在同步。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The call was answered at another desk; nothing else rings.</source>
            <translation>该来电已被其他席位接听，当前没有其他振铃来电。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The call could not be answered: {why}</source>
            <translation>无法接听该来电：{why}</translation>
        </message>
    </context>
    <context>
        <name>Calls</name>
        <message>
            <source>DRILL</source>
            <translation>演练</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/models/calls_model.py" line="+21" />
            <source>Waiting</source>
            <translation>等待</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation>号码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Caller's location (network)</source>
            <translation>来电位置（网络定位）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation>振铃中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Taken by {desk}</source>
            <translation>{desk} 已接听</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Being taken here</source>
            <translation>本席正在受理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>caller hung up</source>
            <translation>来电人已挂机</translation>
        </message>
        <message>
            <location line="+1" />
            <source>number withheld</source>
            <translation>号码未显示</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIM</source>
            <translation>模拟</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no location from the network</source>
            <translation>网络未提供位置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>near {place}, {district} (±{metres} m)</source>
            <translation>{district}{place}附近（±{metres} 米）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{address} (registered landline)</source>
            <translation>{address}（固话登记地址）</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/calls_panel.py" line="+49" />
            <source>F2 answers the highlighted call, else the one ringing longest; a double click answers that one. Shift+F2: a report without a call.</source>
            <translation>F2 接听选中的来电，否则接听振铃最久的来电；双击接听该来电。Shift+F2：无来电直接登记警情。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Incoming calls</source>
            <translation>来电</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Incoming calls — {count} ringing (F2 answers)</source>
            <translation>来电 — {count} 个振铃（F2 接听）</translation>
        </message>
    </context>
    <context>
        <name>Category</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="+61" />
            <source>Police</source>
            <translation>警务类</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Non-police</source>
            <translation>非警务类</translation>
        </message>
    </context>
    <context>
        <name>Command</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/describe.py" line="+25" />
            <source>Create {incident}: {type}, {address}</source>
            <translation>新建警情 {incident}：{type}，{address}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Dispatch {unit} to {incident}</source>
            <translation>派 {unit} 处置 {incident}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recall {unit} from {incident}</source>
            <translation>从 {incident} 撤回 {unit}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Transfer {incident} to {department}</source>
            <translation>将 {incident} 移交{department}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close {incident}: {disposition}</source>
            <translation>结案 {incident}：{disposition}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Note on {incident}</source>
            <translation>{incident} 的备注</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reclassify {incident} as {type}</source>
            <translation>将 {incident} 改为{type}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Set {unit} to {status}</source>
            <translation>将 {unit} 设为{status}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Acknowledge the SOS of {unit}</source>
            <translation>确认 {unit} 的紧急求助</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Answer call {call}</source>
            <translation>接听来电 {call}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Finish call {call} without an incident</source>
            <translation>结束来电 {call}（不立警情）</translation>
        </message>
    </context>
    <context>
        <name>Desk</name>
        <message>
            <source>This hub wants a key for each of a drill&apos;s simulated units: run &apos;dispatch-desktop drill run&apos; on the trainer&apos;s machine, with the keys.</source>
            <translation>本中心要求演练的每个模拟警力都有密钥：请在导调员的机器上带密钥运行 &apos;dispatch-desktop drill run&apos;。</translation>
        </message>
        <message>
            <source>To try the replay on a busy simulated hour: Replay → Replay a practice hour</source>
            <translation>想在繁忙的模拟时段上试用回放：回放 → 回放练习时段</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/app.py" line="+242" />
            <source>This workstation's key is a supervisor's: it sees everything and sends nothing.</source>
            <translation>本席位的密钥属于督察角色：可查看全部情况，但不能发送任何指令。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A replay sends nothing.</source>
            <translation>回放时不发送任何指令。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Plugins…</source>
            <translation>插件…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Installed plugins: their state and errors; enable or disable them</source>
            <translation>已安装的插件：状态和错误；启用或停用插件</translation>
        </message>
        <message>
            <location line="+10" />
            <source>a call is being taken in the intake form</source>
            <translation>接警表单中有一个正在受理的来电</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%n command(s) have no answer from the hub yet</source>
            <translation>有 %n 条指令尚未得到指挥中心答复</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close the desk although {what}? Nothing is lost: it is kept and offered again at the next start.</source>
            <translation>{what}，仍要关闭调度台吗？不会丢失任何内容：这些内容已保存，下次启动时会重新提供。</translation>
        </message>
        <message>
            <location line="+2" />
            <source> and </source>
            <translation>，且</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close the desk?</source>
            <translation>关闭调度台？</translation>
        </message>
        <message>
            <location line="+12" />
            <source>in this process (embedded)</source>
            <translation>本进程内（内嵌）</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Cannot write {path} ({error}): what you type is not being kept on disk.</source>
            <translation>无法写入 {path}（{error}）：输入的内容目前没有保存到磁盘。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Snapshot attached to {incident}</source>
            <translation>截图已附加到 {incident}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Snapshot not attached to {incident}: {why}</source>
            <translation>截图未能附加到 {incident}：{why}</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/overdue_notifier.py" line="+40" />
            <source>{incident} {type}: {phase} overdue by {over}</source>
            <translation>{incident} {type}：{phase}已超时 {over}</translation>
        </message>
    </context>
    <context>
        <name>Dispatch</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/texts.py" line="+18" />
            <source>Fastest arrival: {km} km, about {minutes} min</source>
            <translation>最快到达：{km} 公里，约 {minutes} 分钟</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{km} km, about {minutes} min: {extra} s after the fastest</source>
            <translation>{km} 公里，约 {minutes} 分钟：比最快的晚 {extra} 秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Position {age} min old: listed after units whose position is current</source>
            <translation>位置已过时 {age} 分钟：排在位置最新的警力之后</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Violent / terror: rapid-response team first (+{extra} s)</source>
            <translation>暴力/暴恐警情：羊城突击队优先（+{extra} 秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Violent / terror: rapid-response back-up (+{extra} s)</source>
            <translation>暴力/暴恐警情：羊城突击队增援（+{extra} 秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident's own station</source>
            <translation>警情所属辖区派出所</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Soon free: on a break</source>
            <translation>即将可用：暂歇中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Soon free: on scene at {incident}, about {minutes} min</source>
            <translation>即将可用：正在 {incident} 现场，约 {minutes} 分钟</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Required: {reason}</source>
            <translation>必需警力：{reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Call → dispatch</source>
            <translation>接警 → 派警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch → arrival</source>
            <translation>派警 → 到场</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrival → clear</source>
            <translation>到场 → 处置完毕</translation>
        </message>
        <message>
            <location line="+4" />
            <source>District</source>
            <translation>行政区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Police station</source>
            <translation>派出所</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patrol area</source>
            <translation>巡逻区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duty point</source>
            <translation>屯警点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Checkpoint</source>
            <translation>卡口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Railway station</source>
            <translation>火车站</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Airport</source>
            <translation>机场</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Metro station</source>
            <translation>地铁站</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bus / coach station</source>
            <translation>公交/客运站</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Landmark</source>
            <translation>地标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stadium / arena</source>
            <translation>体育场馆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Square</source>
            <translation>广场</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shopping mall</source>
            <translation>商场</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hospital</source>
            <translation>医院</translation>
        </message>
        <message>
            <location line="+1" />
            <source>University</source>
            <translation>大学</translation>
        </message>
        <message>
            <location line="+1" />
            <source>School</source>
            <translation>学校</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Park</source>
            <translation>公园</translation>
        </message>
        <message>
            <location line="+4" />
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>警力</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation>所属单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ETA</source>
            <translation>预计到达</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Distance</source>
            <translation>距离</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why</source>
            <translation>推荐理由</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sending…</source>
            <translation>发送中…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Required forces first ({reasons}), in amber: {key} sends them all</source>
            <translation>必需警力排在最前（{reasons}），序号标为琥珀色：按 {key} 全部派出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Required, but no free unit to send: {missing}</source>
            <translation>必需警力无空闲单位可派：{missing}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} × {kind} ({reason})</source>
            <translation>{count} × {kind}（{reason}）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>position stale</source>
            <translation>位置过时</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{phase}
{elapsed} / {target}</source>
            <translation>{phase}
{elapsed} / {target}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Advice given</source>
            <translation>已给予建议</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing found on arrival</source>
            <translation>到场未发现情况</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duplicate call</source>
            <translation>重复报警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not a valid incident</source>
            <translation>无效警情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>False report</source>
            <translation>虚假报警</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Advice given, nothing to send</source>
            <translation>已解答咨询，无需派警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Passed on to another hotline (12345, 120, 119…)</source>
            <translation>已转其他热线（12345、120、119…）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already reported: a duplicate call</source>
            <translation>已有报警：重复来电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Silent call or the caller hung up</source>
            <translation>无声电话或来电人已挂机</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Misdialled</source>
            <translation>误拨</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prank or abusive call</source>
            <translation>骚扰或恶意电话</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Dispatched</source>
            <translation>已派警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>En route</source>
            <translation>出警途中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On scene</source>
            <translation>到场处置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared</source>
            <translation>处置完毕</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recalled</source>
            <translation>已撤回</translation>
        </message>
        <message>
            <location line="+35" />
            <source>{m} m</source>
            <translation>{m} 米</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{km:.1f} km</source>
            <translation>{km:.1f} 公里</translation>
        </message>
    </context>
    <context>
        <name>DispatchPanel</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="+214" />
            <source>Dispatch (Enter/F5)</source>
            <translation>派警 (Enter/F5)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch the required forces (%1)</source>
            <translation>派出必需警力 (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dispatch</source>
            <translation>调度派警</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../dispatch_desktop/ui/dispatch/panel_requests.py" line="+145" />
            <source>Unit</source>
            <translation>警力</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Units on this incident</source>
            <translation>本警情处警力量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recommended units — Enter sends the highlighted one, 1–9 the nth</source>
            <translation>推荐警力 — Enter 派出选中项，1–9 派出第 n 项</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Dispatch the highlighted unit</source>
            <translation>派出选中的警力</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch the unit in that row of the list</source>
            <translation>派出列表中该行的警力</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch the highlighted unit (from anywhere)</source>
            <translation>派出选中的警力（任意位置可用）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch every required unit of the list (an emergency plan's forces)</source>
            <translation>派出列表中全部必需警力（应急预案要求的警力）</translation>
        </message>
        <message>
            <location line="+80" />
            <source>There is no unit in row %1.</source>
            <translation>第 %1 行没有警力。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 cannot be sent now (%2).</source>
            <translation>%1 现在不能派出（%2）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Dispatching %1…</source>
            <translation>正在派出 %1…</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_requests.py" line="-33" />
            <source>Transferred %1 to %2.</source>
            <translation>已将 %1 移交 %2。</translation>
        </message>
        <message>
            <location line="-66" />
            <location line="+71" />
            <source>Transfer to department</source>
            <translation>移交部门</translation>
        </message>
        <message>
            <location line="-72" />
            <source>Re-rank units</source>
            <translation>重新排序</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Recall a unit</source>
            <translation>撤回警力</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close the incident</source>
            <translation>结案</translation>
        </message>
        <message>
            <location line="+70" />
            <source>Transfer %1 (%2) to:</source>
            <translation>将 %1（%2）移交给：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+25" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Recalled %1.</source>
            <translation>已撤回 %1。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recall unit</source>
            <translation>撤回警力</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recall a unit from %1:</source>
            <translation>从 %1 撤回警力：</translation>
        </message>
        <message numerus="yes">
            <location filename="../../dispatch_desktop/ui/dispatch/dispatch_panel.py" line="-66" />
            <source>Also recall the %n unit(s) still on it: %1</source>
            <translation>
                <numerusform>同时撤回仍在处置的 %n 支警力：%1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_requests.py" line="+21" />
            <source>Closed %1.</source>
            <translation>%1 已结案。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close incident</source>
            <translation>结案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close %1 as:</source>
            <translation>%1 结案方式：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disposition</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+8" />
            <source>incident closed</source>
            <translation>警情已结案</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 was not closed: %2</source>
            <translation>%1 未能结案：%2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Recalled the units and closed %1.</source>
            <translation>已撤回警力并结案 %1。</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_header.py" line="+27" />
            <source>No incident selected — F2 takes a new call</source>
            <translation>未选择警情 — 按 F2 接听新报警</translation>
        </message>
        <message>
            <location line="+2" />
            <source>SIMULATION</source>
            <translation>模拟</translation>
        </message>
        <message>
            <location line="+18" />
            <source>caller %1</source>
            <translation>报警人 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>duplicate of %1</source>
            <translation>%1 的重复警情</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Transferred to %1.</source>
            <translation>已移交 %1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not police business: belongs to %1 — transfer with F7.</source>
            <translation>非警务类：属于 %1 — 按 F7 移交。</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_required.py" line="+51" />
            <source>%1 dispatched — the hub accepted.</source>
            <translation>%1 已派出 — 指挥中心已受理。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Dispatching the required forces: %1…</source>
            <translation>正在派出必需警力：%1…</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/panel_requests.py" line="+37" />
            <source>Refused: %1</source>
            <translation>被拒绝：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not sent (%1) — try again.</source>
            <translation>未发送（%1）— 请重试。</translation>
        </message>
    </context>
    <context>
        <name>District</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="+90" />
            <source>Liwan</source>
            <translation>荔湾区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Yuexiu</source>
            <translation>越秀区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Haizhu</source>
            <translation>海珠区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tianhe</source>
            <translation>天河区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Baiyun</source>
            <translation>白云区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Huangpu</source>
            <translation>黄埔区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Panyu</source>
            <translation>番禺区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Huadu</source>
            <translation>花都区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nansha</source>
            <translation>南沙区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conghua</source>
            <translation>从化区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zengcheng</source>
            <translation>增城区</translation>
        </message>
    </context>
    <context>
        <name>DrillBanner</name>
        <message>
            <source>DRILL · NOT LIVE — drill {drill} ({scenario}): the calls, incidents, orders and units shown here belong to the exercise</source>
            <translation>演练 · 非实战 — 演练 {drill}（{scenario}）：此处显示的来电、警情、指令和警力均属演练</translation>
        </message>
        <message>
            <source>Drill {drill} ({scenario}) is running: this desk shows live work only. Drill → Take part in the drill to answer it.</source>
            <translation>演练 {drill}（{scenario}）正在进行：本调度台只显示实战。演练 → 参加演练 即可接警处置。</translation>
        </message>
    </context>
    <context>
        <name>DrillControls</name>
        <message>
            <source>Inject now…</source>
            <translation>立即注入…</translation>
        </message>
        <message>
            <source>One of the scenario&apos;s injects ahead of its time, or an SOS or a failure of a drill unit that the scenario does not plan</source>
            <translation>提前注入脚本中的导调项，或临时注入演练警力的紧急求助、故障</translation>
        </message>
        <message>
            <source>{inject} (planned at {at})</source>
            <translation>{inject}（计划 {at}）</translation>
        </message>
        <message>
            <source>{unit} becomes unavailable</source>
            <translation>{unit} 暂不可用</translation>
        </message>
        <message>
            <source>{unit} breaks down</source>
            <translation>{unit} 发生车辆故障</translation>
        </message>
        <message>
            <source>{unit} goes silent on the radio</source>
            <translation>{unit} 失去联络</translation>
        </message>
        <message>
            <source>SOS from {unit}</source>
            <translation>{unit} 紧急求助</translation>
        </message>
        <message>
            <source>Inject now</source>
            <translation>立即注入</translation>
        </message>
        <message>
            <source>Inject:</source>
            <translation>导调项：</translation>
        </message>
        <message>
            <source>Take over the interrupted drill</source>
            <translation>接管中断的演练</translation>
        </message>
        <message>
            <source>This desk started the running drill and its runner stopped (the desk was closed or killed): go on with it where it stands</source>
            <translation>正在进行的演练由本席位发起，但导调程序已中断（席位关闭或被终止）：从当前进度继续导调</translation>
        </message>
        <message>
            <source>Scenario file of drill {drill}</source>
            <translation>演练 {drill} 的脚本文件</translation>
        </message>
        <message>
            <source>Drill {drill} runs scenario {scenario} version {version}; this file holds {found} version {found_version}.</source>
            <translation>演练 {drill} 使用脚本 {scenario} 第 {version} 版；此文件为 {found} 第 {found_version} 版。</translation>
        </message>
        <message>
            <source>The drill cannot be taken over</source>
            <translation>无法接管演练</translation>
        </message>
        <message>
            <source>Replay a drill</source>
            <translation>回放演练</translation>
        </message>
        <message>
            <source>Drill number (as the drill report names it, e.g. D-20261207-01):</source>
            <translation>演练编号（与演练报告一致，如 D-20261207-01）：</translation>
        </message>
        <message>
            <source>Replay a drill…</source>
            <translation>回放演练…</translation>
        </message>
        <message>
            <source>Play a past drill as its trainees saw it, read-only, marked as a drill</source>
            <translation>按参演人员当时所见回放一次演练（只读，标明演练）</translation>
        </message>
        <message>
            <source>Drill report…</source>
            <translation>演练报告…</translation>
        </message>
        <message>
            <source>Write the last drill run from this desk as an HTML or PDF report, scored, its SHA-256 recorded in the log</source>
            <translation>把本调度台最近一次演练写成 HTML 或 PDF 报告（含评分），其 SHA-256 记入日志</translation>
        </message>
        <message>
            <source>Drill report</source>
            <translation>演练报告</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <source>The file&apos;s name must contain the drill&apos;s id {drill}, e.g. {drill}-report.{format}.</source>
            <translation>文件名必须包含演练编号 {drill}，例如 {drill}-report.{format}。</translation>
        </message>
        <message>
            <source>Drill report written: {path}, SHA-256 {sha256}</source>
            <translation>演练报告已写入：{path}，SHA-256 {sha256}</translation>
        </message>
        <message>
            <source>Drill report not written</source>
            <translation>演练报告未写入</translation>
        </message>
        <message>
            <source>&amp;Drill</source>
            <translation>演练(&amp;D)</translation>
        </message>
        <message>
            <source>Take part in the drill</source>
            <translation>参加演练</translation>
        </message>
        <message>
            <source>Show the running drill&apos;s calls, incidents and units with the live ones, and answer them: what this desk sends then belongs to the drill</source>
            <translation>与实战一起显示正在进行的演练的来电、警情和警力，并接警处置：此时本调度台发出的指令均属演练</translation>
        </message>
        <message>
            <source>Start a drill…</source>
            <translation>开始演练…</translation>
        </message>
        <message>
            <source>Pause the drill clock</source>
            <translation>暂停演练时钟</translation>
        </message>
        <message>
            <source>Resume the drill clock</source>
            <translation>恢复演练时钟</translation>
        </message>
        <message>
            <source>Drill clock speed</source>
            <translation>演练时钟速度</translation>
        </message>
        <message>
            <source>Skip the next inject</source>
            <translation>跳过下一个导调项</translation>
        </message>
        <message>
            <source>End the drill</source>
            <translation>结束演练</translation>
        </message>
        <message>
            <source>Another scenario file…</source>
            <translation>其他脚本文件…</translation>
        </message>
        <message>
            <source>Start a drill</source>
            <translation>开始演练</translation>
        </message>
        <message>
            <source>Scenario:</source>
            <translation>演练脚本：</translation>
        </message>
        <message>
            <source>Scenario file</source>
            <translation>演练脚本文件</translation>
        </message>
        <message>
            <source>The scenario cannot run</source>
            <translation>该脚本无法运行</translation>
        </message>
        <message>
            <source>The drill stopped</source>
            <translation>演练已停止</translation>
        </message>
        <message>
            <source>The drill ended: {earned} of {possible} points</source>
            <translation>演练结束：得分 {earned} / {possible}</translation>
        </message>
    </context>
    <context>
        <name>DrillSaid</name>
        <message>
            <source>{at} drill {drill} taken over: {came} injects came, {due} due now</source>
            <translation>{at} 已接管演练 {drill}：已注入 {came} 项，现应注入 {due} 项</translation>
        </message>
        <message>
            <source>{at} inject {inject}: camera {camera} goes dark</source>
            <translation>{at} 导调项 {inject}：摄像头 {camera} 信号中断</translation>
        </message>
        <message>
            <source>Drill {drill} started: {scenario}, {injects} injects, {duration} long</source>
            <translation>演练 {drill} 开始：{scenario}，{injects} 个导调项，时长 {duration}</translation>
        </message>
        <message>
            <source>Drill {drill} ended ({reason}) at {at}</source>
            <translation>演练 {drill} 已结束（{reason}），演练时间 {at}</translation>
        </message>
        <message>
            <source>Drill {drill} was ended from desk {desk}</source>
            <translation>演练 {drill} 已由调度台 {desk} 结束</translation>
        </message>
        <message>
            <source>{at} drill clock paused</source>
            <translation>{at} 演练时钟暂停</translation>
        </message>
        <message>
            <source>{at} drill clock resumed</source>
            <translation>{at} 演练时钟恢复</translation>
        </message>
        <message>
            <source>{at} drill clock at ×{factor}</source>
            <translation>{at} 演练时钟 ×{factor}</translation>
        </message>
        <message>
            <source>{at} inject {inject} skipped</source>
            <translation>{at} 导调项 {inject} 已跳过</translation>
        </message>
        <message>
            <source>{at} inject {inject}: a drill 110 call from {number} at {address}</source>
            <translation>{at} 导调项 {inject}：演练 110 来电 {number}，地点 {address}</translation>
        </message>
        <message>
            <source>{at} inject {inject}: {unit} {failure}</source>
            <translation>{at} 导调项 {inject}：{unit} {failure}</translation>
        </message>
        <message>
            <source>{at} inject {inject}: {unit} reports a field record on {incident}</source>
            <translation>{at} 导调项 {inject}：{unit} 就 {incident} 上报现场记录</translation>
        </message>
        <message>
            <source>{at} inject {inject}: SOS from {unit}</source>
            <translation>{at} 导调项 {inject}：{unit} 紧急求助</translation>
        </message>
        <message>
            <source>{at} inject {inject} not injected: {why}</source>
            <translation>{at} 导调项 {inject} 未注入：{why}</translation>
        </message>
        <message>
            <source>{at} met: {expectation} ({earned}/{points})</source>
            <translation>{at} 达成：{expectation}（{earned}/{points}）</translation>
        </message>
        <message>
            <source>{at} missed: {expectation} ({earned}/{points})</source>
            <translation>{at} 未达成：{expectation}（{earned}/{points}）</translation>
        </message>
        <message>
            <source>{at} the hub refused the drill&apos;s {kind}: {message}</source>
            <translation>{at} 中心拒绝了演练的 {kind}：{message}</translation>
        </message>
    </context>
    <context>
        <name>FieldRecord</name>
        <message>
            <location filename="../../dispatch_desktop/ui/timeline_text.py" line="+20" />
            <source>Scene survey</source>
            <translation>现场勘查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Information collected</source>
            <translation>信息采集</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Identity check requested</source>
            <translation>人员核查请求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Identity check answered</source>
            <translation>人员核查回复</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vehicle check requested</source>
            <translation>车辆核查请求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vehicle check answered</source>
            <translation>车辆核查回复</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <location filename="../../dispatch_desktop/ui/help.py" line="+34" />
            <source>Keyboard reference</source>
            <translation>快捷键一览</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Key</source>
            <translation>按键</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Where</source>
            <translation>适用位置</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Does</source>
            <translation>作用</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Anywhere</source>
            <translation>任意位置</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Keys that work anywhere come first; the others work while that panel has the keyboard.</source>
            <translation>任意位置可用的按键排在前面；其余按键在对应面板获得键盘焦点时可用。</translation>
        </message>
        <message>
            <location line="+44" />
            <source>none installed</source>
            <translation>未安装</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Workstation</source>
            <translation>席位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Event store</source>
            <translation>事件库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hub</source>
            <translation>指挥中心枢纽</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Plugins</source>
            <translation>插件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Runs on</source>
            <translation>运行环境</translation>
        </message>
        <message>
            <location line="+13" />
            <source>About Dispatch Desktop</source>
            <translation>关于指挥调度台</translation>
        </message>
    </context>
    <context>
        <name>IncidentActions</name>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/actions.py" line="+162" />
            <source>&amp;Incident</source>
            <translation>警情(&amp;I)</translation>
        </message>
    </context>
    <context>
        <name>IncidentDetail</name>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/incident_detail.py" line="+34" />
            <source>Priority</source>
            <translation>等级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation>辖区派出所</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Caller</source>
            <translation>报警人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Description</source>
            <translation>警情描述</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Units</source>
            <translation>处警力量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call received</source>
            <translation>接警时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First dispatch</source>
            <translation>首次派警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First arrival</source>
            <translation>首次到场</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared</source>
            <translation>处置完毕</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>警力</translation>
        </message>
        <message>
            <location line="+1" />
            <source>By</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location line="+74" />
            <source>Incident detail</source>
            <translation>警情详情</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Timeline</source>
            <translation>处置时间线</translation>
        </message>
        <message>
            <location line="+25" />
            <source>No incident selected</source>
            <translation>未选择警情</translation>
        </message>
        <message>
            <location line="+8" />
            <source>[Simulation]</source>
            <translation>【模拟】</translation>
        </message>
    </context>
    <context>
        <name>IncidentQueue</name>
        <message>
            <source>DRILL</source>
            <translation>演练</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/models/incident_table.py" line="+25" />
            <source>No.</source>
            <translation>警情编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Priority</source>
            <translation>等级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation>派出所</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time</source>
            <translation>接警时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Elapsed</source>
            <translation>历时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Units</source>
            <translation>处警力量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIM</source>
            <translation>模拟</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raised by the simulated city: not a real emergency</source>
            <translation>由模拟城市产生：不是真实警情</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/incident_queue.py" line="+33" />
            <source>Incident queue</source>
            <translation>警情队列</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search number, type, address…</source>
            <translation>搜索编号、类型、地址…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show closed</source>
            <translation>显示已结警情</translation>
        </message>
    </context>
    <context>
        <name>IncidentStatus</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="-125" />
            <source>Awaiting dispatch</source>
            <translation>待派</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatched</source>
            <translation>已派警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Being handled</source>
            <translation>处置中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared</source>
            <translation>处置完毕</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referred</source>
            <translation>已移交</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>已结案</translation>
        </message>
    </context>
    <context>
        <name>IntakeForm</name>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="+246" />
            <source>Caller &amp;number</source>
            <translation>报警电话(&amp;N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Caller na&amp;me</source>
            <translation>报警人姓名(&amp;M)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Location</source>
            <translation>地点(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Address</source>
            <translation>详细地址(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident &amp;type</source>
            <translation>警情类型(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Priority (1–4)</source>
            <translation>等级(&amp;P) (1–4)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>D&amp;escription</source>
            <translation>警情描述(&amp;E)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>110 intake</source>
            <translation>110 接警</translation>
        </message>
        <message>
            <location line="+4" />
            <source>110 call</source>
            <translation>110 报警电话</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Walk-in report (no phone)</source>
            <translation>来所报警（无电话）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Found by an officer (no phone)</source>
            <translation>巡逻发现（无电话）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. 138 0013 8000</source>
            <translation>例如 138 0013 8000</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Street and number, building, floor…</source>
            <translation>街道门牌、楼栋、楼层…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type in Chinese or English, e.g. 斗殴 or fight</source>
            <translation>可输入中文或英文，例如 斗殴 或 fight</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What the caller says is happening</source>
            <translation>报警人所述情况</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create incident (Ctrl+Enter)</source>
            <translation>创建警情 (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_keys.py" line="+62" />
            <source>Answer the next ringing 110 call, or start a call by hand (back to the call in progress if there is one)</source>
            <translation>接听下一个振铃的 110 来电，或手工开始登记（有正在受理的来电时回到该来电）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Start a report without a phone call (walk-in or found by an officer)</source>
            <translation>无来电登记警情（来所报警或巡逻发现）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create the incident</source>
            <translation>创建警情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark the call as a duplicate of the open incident offered (again: unmark)</source>
            <translation>标记为所提示警情的重复报警（再按一次取消）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Priority %1</source>
            <translation>等级 %1</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_calls.py" line="+73" />
            <source>Call from %1 answered.</source>
            <translation>已接听 %1 的来电。</translation>
        </message>
        <message>
            <location line="-1" />
            <source>a withheld number</source>
            <translation>未显示号码</translation>
        </message>
        <message>
            <location line="+35" />
            <location line="+23" />
            <source>Discard call</source>
            <translation>放弃本次报警</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake.py" line="-25" />
            <source>&amp;Source</source>
            <translation>来源(&amp;S)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Place, station or district (汉字, pinyin or English) — or click the map</source>
            <translation>地点、派出所或区（汉字、拼音或英文）——或点击地图</translation>
        </message>
        <message>
            <location line="+59" />
            <location filename="../../dispatch_desktop/ui/dispatch/intake_calls.py" line="-63" />
            <source>near %1</source>
            <translation>%1 附近</translation>
        </message>
        <message>
            <location line="+21" />
            <source>No open incident nearby to mark as the original.</source>
            <translation>附近没有可作为原警情的未结警情。</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_calls.py" line="+39" />
            <source>No incident: finish the call</source>
            <translation>不立警情：结束来电</translation>
        </message>
        <message>
            <location line="+3" />
            <source>110 intake — F2 answers the next call</source>
            <translation>110 接警 — 按 F2 接听下一个来电</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Call finished without an incident.</source>
            <translation>来电已结束，未立警情。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Finish the call without an incident</source>
            <translation>结束来电，不立警情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How did the call end?</source>
            <translation>来电如何处理？</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The call could not be finished: %1</source>
            <translation>无法结束该来电：%1</translation>
        </message>
        <message>
            <location line="-50" />
            <source>110 call since %1 (%2)</source>
            <translation>110 来电 %1（已通话 %2）</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Discard everything typed for this call?</source>
            <translation>放弃本次报警已输入的全部内容？</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_fields.py" line="+80" />
            <source>≈ {place} (±{metres} m, from the phone network)</source>
            <translation>≈ {place}（±{metres} 米，网络定位）</translation>
        </message>
        <message>
            <location line="+18" />
            <source>No place matches “{text}”: try another name or click the map.</source>
            <translation>没有与“{text}”匹配的地点：请换个名称或点击地图。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>{district} · {station} · {lat}, {lon}</source>
            <translation>{district} · {station} · {lat}, {lon}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Outside the service area · nearest station {station} · {lat}, {lon}</source>
            <translation>超出辖区 · 最近派出所 {station} · {lat}, {lon}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Approximate (±{metres} m): ask the caller where exactly, then type the place. {rest}</source>
            <translation>大致位置（±{metres} 米）：请向报警人确认具体地点后输入。{rest}</translation>
        </message>
        <message>
            <location line="+80" />
            <source>No incident type matches “{text}”.</source>
            <translation>没有与“{text}”匹配的警情类型。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Not police business: belongs to {department}. Create it, then transfer it (F7).</source>
            <translation>非警务事项：归{department}管理。请先创建，再移交（F7）。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>with {department}</source>
            <translation>会同{department}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>rapid-response team first</source>
            <translation>突击队优先</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_drafts.py" line="+72" />
            <source>The call you were taking when the desk stopped (saved at %1) is back. Finish it, or discard it.</source>
            <translation>调度台停止时正在受理的来电（保存于 %1）已恢复。请完成或放弃。</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_duplicates.py" line="+67" />
            <source>Possible duplicates</source>
            <translation>可能的重复警情</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 · %2 · %3 away · %4 ago · %5</source>
            <translation>%1 · %2 · 相距 %3 · %4 前 · %5</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Not a duplicate (Alt+D)</source>
            <translation>不是重复警情 (Alt+D)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Will be recorded as a duplicate of %1 and closed.</source>
            <translation>将记为 %1 的重复警情并结案。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Mark as duplicate of %1 (Alt+D)</source>
            <translation>标为 %1 的重复警情 (Alt+D)</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_sending.py" line="+59" />
            <source>Check the marked fields.</source>
            <translation>请检查标记的字段。</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Sending %1…</source>
            <translation>正在发送 %1…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No answer from the hub yet: %1 is queued and goes out as soon as the link is back. Nothing is lost; you can take the next call.</source>
            <translation>指挥中心尚未答复：%1 已排队，连接恢复后立即发送。不会丢失任何内容，可以继续受理下一个来电。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The hub refused the incident: %1</source>
            <translation>指挥中心拒绝了该警情：%1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not sent (%1). Nothing is lost: press Ctrl+Enter to try again.</source>
            <translation>未发送（%1）。内容未丢失：按 Ctrl+Enter 重试。</translation>
        </message>
        <message>
            <location line="+50" />
            <source>%1, queued earlier, has been accepted by the hub.</source>
            <translation>之前排队的 %1 已被指挥中心受理。</translation>
        </message>
        <message>
            <location line="-27" />
            <source>%1, queued earlier, was refused: %2. Reopen it to correct and send it again.</source>
            <translation>之前排队的 %1 被拒绝：%2。请重新打开，修改后再次发送。</translation>
        </message>
        <message>
            <location line="-9" />
            <source>%1 recorded as a duplicate of %2.</source>
            <translation>%1 已记为 %2 的重复警情。</translation>
        </message>
        <message>
            <location line="-7" />
            <source>%1 created.</source>
            <translation>%1 已创建。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The duplicate could not be closed: %1</source>
            <translation>重复警情未能结案：%1</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Finish or discard the call in the form first.</source>
            <translation>请先完成或放弃表单中的来电。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Reopen the refused incident (%1 waiting)</source>
            <translation>重新打开被拒绝的警情（待处理 %1 个）</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Enter the caller's number (a walk-in or officer report needs none).</source>
            <translation>请填写报警电话（来所报警或巡逻发现无需填写）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enter the caller's number: 3 to 20 digits.</source>
            <translation>请输入报警电话：3 至 20 位数字。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick a place from the list or click the map.</source>
            <translation>请从列表中选择地点或在地图上点选。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the address.</source>
            <translation>请输入地址。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose an incident type from the list.</source>
            <translation>请从列表中选择警情类型。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>At most 2000 characters.</source>
            <translation>最多 2000 个字。</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/dispatch/intake_advice.py" line="+106" />
            <source>Take the advice shown under the description (police or not, and whose)</source>
            <translation>采纳警情描述下方的建议（是否警务、归哪个部门）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Take ({key})</source>
            <translation>采纳（{key}）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Taken: {verdict}</source>
            <translation>已采纳：{verdict}</translation>
        </message>
        <message>
            <source>Advice: {verdict}, {confidence:.0%} sure — {reason}</source>
            <translation>建议：{verdict}，把握 {confidence:.0%} — {reason}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Advice ({source}): {verdict}, {confidence:.0%} sure — {reason}</source>
            <translation>建议（{source}）：{verdict}，把握 {confidence:.0%} — {reason}</translation>
        </message>
        <message>
            <location line="+28" />
            <source>police business</source>
            <translation>警务</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refer to {department}, not police business</source>
            <translation>非警务，移交{department}</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="+125" />
            <source>LANGUAGE_CODE</source>
            <translation>zh_CN</translation>
        </message>
    </context>
    <context>
        <name>LinkBanner</name>
        <message>
            <location filename="../../dispatch_desktop/ui/link_banner.py" line="+77" />
            <source>No link to the hub for {elapsed} (since {time}): the map, the queue and the units may be out of date. What you send now is queued and goes out when the link is back.</source>
            <translation>与指挥中心已断开 {elapsed}（自 {time} 起）：地图、警情队列和警力状态可能已过时。现在发出的指令会排队，连接恢复后自动发送。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../dispatch_desktop/ui/main_window.py" line="+169" />
            <location filename="../../dispatch_desktop/ui/workstation.py" line="+187" />
            <source>Dispatch Desktop</source>
            <translation>指挥调度台</translation>
        </message>
        <message>
            <location line="+15" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset layout</source>
            <translation>恢复默认布局</translation>
        </message>
    </context>
    <context>
        <name>MapLayers</name>
        <message>
            <location filename="../../dispatch_desktop/ui/map/texts.py" line="+12" />
            <source>Districts</source>
            <translation>行政区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Police stations and their areas</source>
            <translation>派出所及辖区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Emergency patrol areas</source>
            <translation>应急巡逻区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incidents</source>
            <translation>警情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patrol groups</source>
            <translation>巡组</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rapid-response teams</source>
            <translation>羊城突击队</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic police and station cars</source>
            <translation>交警及派出所警车</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duty points</source>
            <translation>屯警点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Checkpoints</source>
            <translation>卡口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cameras</source>
            <translation>视频监控点</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Units</source>
            <translation>警力</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incidents by priority</source>
            <translation>警情等级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n} incidents here: click to zoom in</source>
            <translation>此处 {n} 起警情：点击放大</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Layers</source>
            <translation>图层</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show or hide map layers (click again or Esc to close)</source>
            <translation>显示或隐藏地图图层（再次点击或按 Esc 关闭）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What the symbols mean (click again or Esc to close)</source>
            <translation>各符号的含义（再次点击或按 Esc 关闭）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shape: kind of unit</source>
            <translation>形状：警力类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Colour: status</source>
            <translation>颜色：状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SOS: officer needs help</source>
            <translation>紧急求助：民警需要支援</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No report for over {limit}: last known position</source>
            <translation>超过 {limit} 未上报：最后已知位置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last report {age} ago</source>
            <translation>最后上报于 {age} 前</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No report received yet</source>
            <translation>尚未收到上报</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n} min</source>
            <translation>{n} 分钟</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n} s</source>
            <translation>{n} 秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incidents by type</source>
            <translation>警情（按类型）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Several incidents close together (colour of the most urgent)</source>
            <translation>多起警情相距很近（颜色取最紧急者）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On the map</source>
            <translation>地图要素</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Selected unit or incident</source>
            <translation>选中的警力或警情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident just located</source>
            <translation>刚定位的警情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Police station</source>
            <translation>派出所</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Police station's area</source>
            <translation>派出所辖区</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Critical: rapid response</source>
            <translation>重大：突击队处置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Violence against people</source>
            <translation>侵害人身</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Theft, burglary, fraud</source>
            <translation>盗窃、入室、诈骗</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic</source>
            <translation>交通</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Public order and other</source>
            <translation>治安及其他</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not police business (another department)</source>
            <translation>非警务（其他部门）</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/map/layer_menu.py" line="+50" />
            <source>Map layers</source>
            <translation>地图图层</translation>
        </message>
    </context>
    <context>
        <name>MapView</name>
        <message>
            <location filename="../../dispatch_desktop/ui/map/view.py" line="+169" />
            <source>The map could not be loaded</source>
            <translation>地图无法加载</translation>
        </message>
    </context>
    <context>
        <name>Mode</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="-113" />
            <source>Live</source>
            <translation>实战</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Simulation</source>
            <translation>模拟</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drill</source>
            <translation>演练</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replay</source>
            <translation>回放</translation>
        </message>
    </context>
    <context>
        <name>Outbox</name>
        <message>
            <location filename="../../dispatch_desktop/ui/models/outbox_model.py" line="+19" />
            <source>Given at</source>
            <translation>下达时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command</source>
            <translation>指令</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tries</source>
            <translation>尝试次数</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sending…</source>
            <translation>发送中…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queued: no answer from the hub yet, retrying</source>
            <translation>已排队：指挥中心尚未答复，正在重试</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Held from before the restart: send again or withdraw</source>
            <translation>重启前未确认：请重新发送或撤销</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/outbox_panel.py" line="+62" />
            <source>Send held commands again</source>
            <translation>重新发送保留的指令</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdraw selected</source>
            <translation>撤销选中指令</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop retrying: the command will not be sent again</source>
            <translation>停止重试：该指令不再发送</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Outbox</source>
            <translation>发送队列</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Outbox ({count})</source>
            <translation>发送队列（{count}）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{held} command(s) were not confirmed by the hub before the desk stopped. Check them, then send them again as they were, or withdraw them.</source>
            <translation>调度台停止前有 {held} 条指令未得到指挥中心确认。请核对后原样重新发送，或撤销。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{waiting} command(s) wait for the hub's answer; they are sent again until it answers. You can keep working.</source>
            <translation>{waiting} 条指令正在等待指挥中心答复，得到答复前会自动重发。可以继续工作。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Everything sent has been answered by the hub.</source>
            <translation>已发送的指令均已得到指挥中心答复。</translation>
        </message>
    </context>
    <context>
        <name>Plugins</name>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/error_view.py" line="+26" />
            <source>activate hook</source>
            <translation>激活钩子</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deactivate hook</source>
            <translation>停用钩子</translation>
        </message>
        <message>
            <location line="+1" />
            <source>event listener</source>
            <translation>事件监听器</translation>
        </message>
        <message>
            <location line="+1" />
            <source>change listener</source>
            <translation>变更监听器</translation>
        </message>
        <message>
            <location line="+1" />
            <source>event schemas</source>
            <translation>事件结构定义</translation>
        </message>
        <message>
            <location line="+1" />
            <source>hook registration</source>
            <translation>钩子注册</translation>
        </message>
        <message>
            <location line="+1" />
            <source>settings schema</source>
            <translation>设置结构定义</translation>
        </message>
        <message>
            <location line="+1" />
            <source>translations</source>
            <translation>翻译文件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>import of {id}</source>
            <translation>导入 {id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>panel {id}</source>
            <translation>面板 {id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>map layer {id}</source>
            <translation>地图图层 {id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>incident action {id}</source>
            <translation>警情操作 {id}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>enabled check of {id}</source>
            <translation>{id} 的可用性判断</translation>
        </message>
        <message>
            <location line="+27" />
            <source>held the desk for {held} ms (the limit is {limit} ms)</source>
            <translation>占用调度台 {held} 毫秒（上限 {limit} 毫秒）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{place}: {message}</source>
            <translation>{place}：{message}</translation>
        </message>
        <message>
            <location line="+32" />
            <source>The same traceback as above.</source>
            <translation>错误堆栈同上。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The plugin {name} was stopped for this session; the desk goes on without it. Re-enable it in Settings → Plugins after it was fixed.</source>
            <translation>插件 {name} 已在本次运行中停用，调度台不受影响继续工作。修复后请在“设置 → 插件”中重新启用。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The plugin {name} had errors.</source>
            <translation>插件 {name} 出错。</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/host.py" line="+239" />
            <source>The plugin {name} is disabled. Enable it in Settings → Plugins; it starts at the next start.</source>
            <translation>插件 {name} 已停用。可在“设置 → 插件”中启用，下次启动时生效。</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/manager.py" line="+43" />
            <source>Enabled</source>
            <translation>已启用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disabled by you</source>
            <translation>已由您停用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disabled: crashed the last start</source>
            <translation>已停用：上次启动时崩溃</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not for this desk's API</source>
            <translation>与本调度台的接口版本不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Broken manifest</source>
            <translation>清单文件有误</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No longer installed</source>
            <translation>已不再安装</translation>
        </message>
        <message>
            <location line="+4" />
            <source>You disabled it. Enable it here, or with 'dispatch-desktop plugins enable {id}'.</source>
            <translation>您已停用此插件。可点击下方“启用”按钮，或运行命令 'dispatch-desktop plugins enable {id}' 重新启用。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The desk stopped unexpectedly while starting it at the last start, so it was disabled. Enable it again once it was fixed.</source>
            <translation>上次启动时，调度台在启动此插件的过程中意外退出，因此已将其停用。修复后可重新启用。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>It supports the plugin API {api}; this desk offers {version}. Install a version of the plugin made for it.</source>
            <translation>此插件支持的插件接口版本为 {api}，本调度台提供的是 {version}。请安装适用于本调度台的插件版本。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Its manifest has errors; whoever maintains the plugin can fix them:</source>
            <translation>插件清单文件有误，需由插件维护人员修复：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>It is no longer installed; your choice is kept in case it comes back.</source>
            <translation>此插件已不再安装；您对它的设置仍会保留，以备重新安装。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stopped after errors</source>
            <translation>出错后已停止</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not started (safe mode)</source>
            <translation>未启动（安全模式）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Starts at the next start</source>
            <translation>下次启动时运行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Plugin</source>
            <translation>插件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Id</source>
            <translation>标识</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location line="+0" />
            <source>API</source>
            <translation>接口版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Errors</source>
            <translation>错误</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Safe mode: no plugin was started. Your choices here apply from the next start.</source>
            <translation>安全模式：未启动任何插件。此处的更改从下次启动起生效。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Safe mode: no plugin was started. Start the desk without --safe-mode to see and change the plugins.</source>
            <translation>安全模式：未启动任何插件。如需查看和更改插件，请不带 --safe-mode 参数重新启动调度台。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enable</source>
            <translation>启用</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <location line="+128" />
            <source>Package: {name} {version}</source>
            <translation>软件包：{name} {version}</translation>
        </message>
        <message>
            <location line="+42" />
            <source>It starts at the next start of the desk.</source>
            <translation>将在调度台下次启动时运行。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stopped; it stays off at the next start.</source>
            <translation>已停止；下次启动时仍保持停用。</translation>
        </message>
        <message>
            <location line="-203" />
            <location filename="../../dispatch_desktop/ui/plugins/startup.py" line="+116" />
            <source>Plugins</source>
            <translation>插件</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/startup.py" line="+42" />
            <source>The plugin {name} was being started when the desk stopped unexpectedly last time, so it is disabled. Re-enable it in Settings → Plugins.</source>
            <translation>上次调度台意外退出时正在启动插件 {name}，因此已将其停用。可在“设置 → 插件”中重新启用。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Plugin {name}: {error}</source>
            <translation>插件 {name}：{error}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The plugin {name} was stopped for this session after errors ({error}); the desk goes on without it. Its panel shows what went wrong.</source>
            <translation>插件 {name} 出错（{error}），已在本次运行中停止，调度台不受影响继续工作。其面板显示出错原因。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The plugins' earlier records could not be read from the hub: {why}</source>
            <translation>无法从中心读取插件以前的记录：{why}</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/plugins/advice.py" line="+31" />
            <source>gave a {kind}, not an IntakeAdvice</source>
            <translation>返回了 {kind}，而不是 IntakeAdvice</translation>
        </message>
    </context>
    <context>
        <name>PracticeHour</name>
        <message>
            <source>Writing a practice hour: a simulated Guangzhou evening, 1,100 patrol groups…</source>
            <translation>正在生成练习时段：模拟的广州傍晚一小时，1,100 个巡组…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Practice hour</source>
            <translation>练习时段</translation>
        </message>
        <message>
            <source>Writing a practice hour: {events:,} events so far ({percent:.0f} %)…</source>
            <translation>正在生成练习时段：已写入 {events:,} 个事件（{percent:.0f}%）…</translation>
        </message>
        <message>
            <source>The practice hour could not be written: {reason}</source>
            <translation>无法生成练习时段：{reason}</translation>
        </message>
        <message>
            <source>Cancelled: no practice hour was kept.</source>
            <translation>已取消：未保留练习时段。</translation>
        </message>
    </context>
    <context>
        <name>Priority</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="+9" />
            <source>P1 critical</source>
            <translation>一级 特急</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P2 urgent</source>
            <translation>二级 紧急</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P3 routine</source>
            <translation>三级 一般</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P4 low</source>
            <translation>四级 较低</translation>
        </message>
    </context>
    <context>
        <name>Refusal</name>
        <message>
            <source>Drill {running} is running: end it before starting drill {drill}.</source>
            <translation>演练 {running} 正在进行：请先结束它，再开始演练 {drill}。</translation>
        </message>
        <message>
            <source>Drill {drill} is not running, so it cannot be ended.</source>
            <translation>演练 {drill} 未在进行，无法结束。</translation>
        </message>
        <message>
            <source>Unit {unit} cannot be enrolled in drill {drill}: it is not on the roster.</source>
            <translation>警力 {unit} 不在警力名册中，不能编入演练 {drill}。</translation>
        </message>
        <message>
            <source>Unit {unit} is {status}, not available: it cannot be enrolled in drill {drill}.</source>
            <translation>警力 {unit} 当前为{status}，不是空闲状态，不能编入演练 {drill}。</translation>
        </message>
        <message>
            <source>Simulated unit {unit} of drill {drill} has the id of a real unit: give the simulated unit another id.</source>
            <translation>演练 {drill} 的模拟警力 {unit} 与真实警力编号相同：请为模拟警力另取编号。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Unit {unit} is not on the roster.</source>
            <translation>警力 {unit} 不在编。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident {incident} does not exist.</source>
            <translation>警情 {incident} 不存在。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident {incident} already exists.</source>
            <translation>警情 {incident} 已存在。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident {incident} is already {status}; it cannot be changed.</source>
            <translation>警情 {incident} 当前为“{status}”，不能再更改。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is {status}, not available: it cannot be dispatched.</source>
            <translation>警力 {unit} 当前为“{status}”，不可调派。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is already assigned to incident {incident}.</source>
            <translation>警力 {unit} 已在处置警情 {incident}。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is not assigned to incident {incident}.</source>
            <translation>警力 {unit} 未被派往警情 {incident}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit {unit} is {status}; there is no dispatch to acknowledge.</source>
            <translation>警力 {unit} 当前为“{status}”，没有待确认的派警指令。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is {status}; it cannot arrive at incident {incident}.</source>
            <translation>警力 {unit} 当前为“{status}”，不能到达警情 {incident}。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} is {status}, not on scene at incident {incident}.</source>
            <translation>警力 {unit} 当前为“{status}”，不在警情 {incident} 现场。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unit {unit} cannot be set to {status} by hand: dispatched, en route and on scene follow from dispatch, acknowledgement and arrival.</source>
            <translation>不能手动将警力 {unit} 设为“{status}”：已派警、出警途中、到场处置只能由派警、签收和到场产生。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Unit {unit} is working incident {incident}: clear or recall it before changing its status.</source>
            <translation>警力 {unit} 正在处置警情 {incident}：请先处置完毕或撤回，再更改其状态。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Unit {unit} cannot go from {from_status} to {to_status}.</source>
            <translation>警力 {unit} 不能从“{from_status}”变为“{to_status}”。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Incident {incident} cannot go from {from_status} to {to_status}.</source>
            <translation>警情 {incident} 不能从“{from_status}”变为“{to_status}”。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Incident {incident} still has units assigned ({units}): recall or clear them first.</source>
            <translation>警情 {incident} 仍有处警力量（{units}）：请先撤回或处置完毕。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Incident {incident} is {status}: only an undispatched incident can be referred.</source>
            <translation>警情 {incident} 当前为“{status}”：只有未派警的警情可以移交。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Incident {incident} is marked duplicate of {duplicate_of}, which does not exist.</source>
            <translation>警情 {incident} 被标为 {duplicate_of} 的重复警情，但后者不存在。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Order {order} is not pending for unit {unit}.</source>
            <translation>警力 {unit} 没有待送达的指令 {order}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit {unit} has no emergency to acknowledge.</source>
            <translation>警力 {unit} 没有需要确认的紧急求助。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call {call} has already been offered.</source>
            <translation>来电 {call} 已经呼入。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call {call} is not on the lines: it is over, or it never rang.</source>
            <translation>来电 {call} 不在线路上：已经结束，或从未呼入。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call {call} has already been answered at workstation {workstation}.</source>
            <translation>来电 {call} 已被席位 {workstation} 接听。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Call {call} was not answered at this workstation.</source>
            <translation>来电 {call} 不是本席位接听的。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{count} more refusals of {unit} within a minute were answered but not stored.</source>
            <translation>{unit} 一分钟内另有 {count} 次被拒绝的上报已答复但未逐条存档。</translation>
        </message>
    </context>
    <context>
        <name>ReplayBar</name>
        <message>
            <source>DRILL REPLAY · {drill} · read-only · {time} · {speed}</source>
            <translation>演练回放 · {drill} · 只读 · {time} · {speed}</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开头</translation>
        </message>
        <message>
            <source>To the start (Home)</source>
            <translation>回到开头（Home）</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>上一事件</translation>
        </message>
        <message>
            <source>Previous event (←)</source>
            <translation>上一事件（←）</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一事件</translation>
        </message>
        <message>
            <source>Next event (→)</source>
            <translation>下一事件（→）</translation>
        </message>
        <message>
            <source>End</source>
            <translation>末尾</translation>
        </message>
        <message>
            <source>To the end (End)</source>
            <translation>跳到末尾（End）</translation>
        </message>
        <message>
            <source>Slower</source>
            <translation>减速</translation>
        </message>
        <message>
            <source>Slower ([)</source>
            <translation>减速（[）</translation>
        </message>
        <message>
            <source>Faster</source>
            <translation>加速</translation>
        </message>
        <message>
            <source>Faster (])</source>
            <translation>加速（]）</translation>
        </message>
        <message>
            <source>Bookmark</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Mark this instant (B)</source>
            <translation>为此刻加书签（B）</translation>
        </message>
        <message>
            <source>Follow</source>
            <translation>跟随</translation>
        </message>
        <message>
            <source>Keep the followed incident&apos;s units in view and draw their tracks (F)</source>
            <translation>地图始终显示所跟随警情的处置警力并绘制其轨迹（F）</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Export the followed incident&apos;s record: report, event log, tracks (Ctrl+E)</source>
            <translation>导出所跟随警情的记录：报告、事件日志、轨迹（Ctrl+E）</translation>
        </message>
        <message>
            <source>Playback speed ([ slower, ] faster)</source>
            <translation>回放速度（[ 减速，] 加速）</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>Pause (Space)</source>
            <translation>暂停（空格）</translation>
        </message>
        <message>
            <source>Play (Space)</source>
            <translation>播放（空格）</translation>
        </message>
        <message>
            <source>REPLAY · read-only · {time} · {speed}</source>
            <translation>回放 · 只读 · {time} · {speed}</translation>
        </message>
    </context>
    <context>
        <name>ReplayDesk</name>
        <message>
            <source>drill {drill}</source>
            <translation>演练 {drill}</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间轴</translation>
        </message>
        <message>
            <source>Incident statistics</source>
            <translation>警情统计</translation>
        </message>
        <message>
            <source>{start} – {end}</source>
            <translation>{start} 至 {end}</translation>
        </message>
        <message>
            <source>Replay (read-only) — {what} — Dispatch Desktop</source>
            <translation>回放（只读）— {what} — 指挥调度台</translation>
        </message>
        <message>
            <source>This instant could not be read from the log: {reason}</source>
            <translation>无法从日志读取此时刻：{reason}</translation>
        </message>
        <message>
            <source>No event further that way.</source>
            <translation>该方向已没有事件。</translation>
        </message>
        <message>
            <source>Bookmark {n}</source>
            <translation>书签 {n}</translation>
        </message>
        <message>
            <source>{label} at {time}</source>
            <translation>{label}：{time}</translation>
        </message>
        <message>
            <source>Follow an incident first (select it, with Follow on): its record is what is exported.</source>
            <translation>请先跟随一起警情（在“跟随”打开时选中它）：导出的是该警情的记录。</translation>
        </message>
    </context>
    <context>
        <name>ReplayExport</name>
        <message>
            <source>HTML report, opens offline in any browser (*.html)</source>
            <translation>HTML 报告，可在任意浏览器离线打开 (*.html)</translation>
        </message>
        <message>
            <source>PDF report (*.pdf)</source>
            <translation>PDF 报告 (*.pdf)</translation>
        </message>
        <message>
            <source>Event log, CSV for Excel (*.csv)</source>
            <translation>事件日志，Excel 可读的 CSV (*.csv)</translation>
        </message>
        <message>
            <source>Unit tracks, KML for Google Earth (*.kml)</source>
            <translation>警力轨迹，Google Earth 可读的 KML (*.kml)</translation>
        </message>
        <message>
            <source>Unit tracks, GPX (*.gpx)</source>
            <translation>警力轨迹，GPX (*.gpx)</translation>
        </message>
        <message>
            <source>Export the record</source>
            <translation>导出记录</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>警情</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Copy SHA-256</source>
            <translation>复制 SHA-256</translation>
        </message>
        <message>
            <source>Give the file to write.</source>
            <translation>请指定要写入的文件。</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>正在写入 {file}…</translation>
        </message>
        <message>
            <source>Cancelled: nothing was written.</source>
            <translation>已取消：未写入任何内容。</translation>
        </message>
        <message>
            <source>Written {path} ({size:,} bytes).
SHA-256 {sha256}
The export is recorded in the log (event {gseq}).</source>
            <translation>已写入 {path}（{size:,} 字节）。
SHA-256 {sha256}
本次导出已记入日志（事件 {gseq}）。</translation>
        </message>
        <message>
            <source>Exported {file}, SHA-256 {sha256}</source>
            <translation>已导出 {file}，SHA-256 {sha256}</translation>
        </message>
        <message>
            <source>Not exported: the file could not be written. Choose a folder that exists, that you may write to and that has free space; nothing was recorded.</source>
            <translation>未导出：文件无法写入。请选择一个存在、有写权限且有剩余空间的文件夹；未记录任何内容。</translation>
        </message>
        <message>
            <source>Not exported: the export could not be recorded in the event log, so no file was kept. Check that the database is reachable and writable, then try again.</source>
            <translation>未导出：本次导出无法记入事件日志，因此未保留文件。请检查数据库可以访问且可写，然后重试。</translation>
        </message>
        <message>
            <source>Not exported: the record could not be rendered.</source>
            <translation>未导出：记录无法生成。</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>ReplayFollow</name>
        <message>
            <source>Tracks of the followed units</source>
            <translation>所跟随警力的轨迹</translation>
        </message>
        <message>
            <source>a unit&apos;s track</source>
            <translation>警力轨迹</translation>
        </message>
        <message>
            <source>the incident</source>
            <translation>警情位置</translation>
        </message>
    </context>
    <context>
        <name>ReplayLauncher</name>
        <message>
            <source>The log holds no drill {drill}.</source>
            <translation>日志中没有演练 {drill}。</translation>
        </message>
        <message>
            <source>Replay a practice hour (simulated)…</source>
            <translation>回放练习时段（模拟）…</translation>
        </message>
        <message>
            <source>A simulated Guangzhou evening hour, written once beside your log, to try the replay on</source>
            <translation>模拟的广州傍晚一小时，在日志旁生成一次，用来练习回放</translation>
        </message>
        <message>
            <source>There is no event log at {url}: start the desk with --db pointing at the hub&apos;s log to replay it.</source>
            <translation>{url} 处没有事件日志：请用 --db 指向中心的日志启动调度台后再回放。</translation>
        </message>
        <message>
            <source>The event log holds no events yet: there is nothing to replay.</source>
            <translation>事件日志中还没有事件：没有可回放的内容。</translation>
        </message>
        <message>
            <source>The log holds no incident {incident}.</source>
            <translation>日志中没有警情 {incident}。</translation>
        </message>
        <message>
            <source>The log runs from {first} to {last}; the time asked lies outside it.</source>
            <translation>日志的时间范围是 {first} 至 {last}；所选时间不在其中。</translation>
        </message>
        <message>
            <source>Replay a time range</source>
            <translation>回放一段时间</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>To</source>
            <translation>到</translation>
        </message>
        <message>
            <source>Replay this incident</source>
            <translation>回放此警情</translation>
        </message>
        <message>
            <source>&amp;Replay</source>
            <translation>回放(&amp;R)</translation>
        </message>
        <message>
            <source>Replay a time range…</source>
            <translation>回放一段时间…</translation>
        </message>
        <message>
            <source>Opening the replay…</source>
            <translation>正在打开回放…</translation>
        </message>
        <message>
            <source>The replay could not open the log: {reason}</source>
            <translation>回放无法打开日志：{reason}</translation>
        </message>
    </context>
    <context>
        <name>ReplayStatistics</name>
        <message>
            <source>110 call</source>
            <translation>110 来电</translation>
        </message>
        <message>
            <source>created</source>
            <translation>立警</translation>
        </message>
        <message>
            <source>dispatched</source>
            <translation>派警</translation>
        </message>
        <message>
            <source>acknowledged</source>
            <translation>接收指令</translation>
        </message>
        <message>
            <source>arrived</source>
            <translation>到场</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>处置完毕</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>结案</translation>
        </message>
        <message>
            <source>call → dispatch</source>
            <translation>来电 → 派警</translation>
        </message>
        <message>
            <source>dispatch → arrival</source>
            <translation>派警 → 到场</translation>
        </message>
        <message>
            <source>arrival → clearance</source>
            <translation>到场 → 处置完毕</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Took</source>
            <translation>用时</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>环节</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>警力</translation>
        </message>
        <message>
            <source>Driven</source>
            <translation>行驶</translation>
        </message>
        <message>
            <source>On scene</source>
            <translation>在场</translation>
        </message>
        <message>
            <source>Silences left out</source>
            <translation>失联段（未计）</translation>
        </message>
        <message>
            <source>Follow an incident to see how long each step took.</source>
            <translation>跟随一起警情，即可查看各环节用时。</translation>
        </message>
        <message>
            <source>{incident} · {type} · {priority}</source>
            <translation>{incident} · {type} · {priority}</translation>
        </message>
        <message>
            <source>within target</source>
            <translation>达标</translation>
        </message>
        <message>
            <source>near target</source>
            <translation>接近目标</translation>
        </message>
        <message>
            <source>over target</source>
            <translation>超时</translation>
        </message>
        <message>
            <source>not reached</source>
            <translation>未到该环节</translation>
        </message>
        <message>
            <source>{km:.1f} km</source>
            <translation>{km:.1f} 公里</translation>
        </message>
    </context>
    <context>
        <name>ReplayTimeline</name>
        <message>
            <source>Supervision order issued</source>
            <translation>督办令已下发</translation>
        </message>
        <message>
            <source>Camera status (drill)</source>
            <translation>摄像头状态（演练）</translation>
        </message>
        <message>
            <source>Call rang</source>
            <translation>来电振铃</translation>
        </message>
        <message>
            <source>Call answered</source>
            <translation>来电接听</translation>
        </message>
        <message>
            <source>Call ended</source>
            <translation>通话结束</translation>
        </message>
        <message>
            <source>Call closed without an incident</source>
            <translation>来电办结（未立警情）</translation>
        </message>
        <message>
            <source>Order delivered to the handset</source>
            <translation>指令已送达终端</translation>
        </message>
        <message>
            <source>Plugin event</source>
            <translation>插件事件</translation>
        </message>
        <message>
            <source>Record exported</source>
            <translation>记录已导出</translation>
        </message>
        <message>
            <source>On the 110 call</source>
            <translation>110 通话中</translation>
        </message>
        <message>
            <source>{status}, {start} to {end} ({duration})</source>
            <translation>{status}，{start} 至 {end}（{duration}）</translation>
        </message>
        <message>
            <source>New incidents</source>
            <translation>新警情</translation>
        </message>
        <message>
            <source>How many incidents were created in each stretch of time: click to go there</source>
            <translation>各时段新立警情数：点击即跳到该时刻</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Monthly station review</source>
            <translation>派出所警情月度分析</translation>
        </message>
        <message>
            <source> (running)</source>
            <translation>（本月进行中）</translation>
        </message>
        <message>
            <source>Read the log again</source>
            <translation>重新读取日志</translation>
        </message>
        <message>
            <source>Month:</source>
            <translation>月份：</translation>
        </message>
        <message>
            <source>Select a station to draft its supervision order.</source>
            <translation>选择一个派出所以起草督办令。</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>督办令编号</translation>
        </message>
        <message>
            <source>Order (Chinese, as issued)</source>
            <translation>督办令（中文，签发文本）</translation>
        </message>
        <message>
            <source>English rendering</source>
            <translation>英文译文</translation>
        </message>
        <message>
            <source>Number:</source>
            <translation>编号：</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Issue…</source>
            <translation>签发…</translation>
        </message>
        <message>
            <source>The log could not be read: {error}</source>
            <translation>无法读取日志：{error}</translation>
        </message>
        <message>
            <source>{month} is not complete in the log (it holds it until {until}): the figures are partial, and no order is issued on it.</source>
            <translation>日志中{month}的数据不完整（截至{until}）：数据为部分数据，不据此签发督办令。</translation>
        </message>
        <message>
            <source>The log does not hold {month} whole: no month-on-month figures.</source>
            <translation>日志不含完整的{month}：无环比数据。</translation>
        </message>
        <message>
            <source>The log does not reach back to {month}: no year-on-year figures.</source>
            <translation>日志未追溯到{month}：无同比数据。</translation>
        </message>
        <message>
            <source>The supervision order template cannot be used: {problem}</source>
            <translation>督办令模板无法使用：{problem}</translation>
        </message>
        <message>
            <source>Supervision order to {station} ({district}), rank {rank}</source>
            <translation>致{station}（{district}）的督办令，排名第{rank}位</translation>
        </message>
        <message>
            <source>Already issued: {number}, {time}, by {operator}.</source>
            <translation>已签发：{number}，{time}，签发人 {operator}。</translation>
        </message>
        <message>
            <source>This desk is not connected to a hub.</source>
            <translation>本工作台未连接指挥中心服务器。</translation>
        </message>
        <message>
            <source>Select a station.</source>
            <translation>请选择一个派出所。</translation>
        </message>
        <message>
            <source>The month is not complete: a supervision order is issued on a whole month.</source>
            <translation>该月尚未结束：督办令须依据完整月份的数据签发。</translation>
        </message>
        <message>
            <source>Waiting for the hub&apos;s answer.</source>
            <translation>正在等待服务器答复。</translation>
        </message>
        <message>
            <source>The order needs a number and a text.</source>
            <translation>督办令需要编号和正文。</translation>
        </message>
        <message>
            <source>Issue {number} to {station}? It goes into the event log and cannot be withdrawn.</source>
            <translation>向{station}签发{number}？签发后写入事件日志，不可撤回。</translation>
        </message>
        <message>
            <source>Issue the supervision order?</source>
            <translation>签发督办令？</translation>
        </message>
        <message>
            <source>Issued {number}: recorded in the event log (gseq {gseq}), SHA-256 {sha256}.</source>
            <translation>已签发{number}：已写入事件日志（gseq {gseq}），SHA-256 {sha256}。</translation>
        </message>
        <message>
            <source>Not issued: {reason}</source>
            <translation>未签发：{reason}</translation>
        </message>
        <message>
            <source>Export the order as PDF</source>
            <translation>将督办令导出为 PDF</translation>
        </message>
        <message>
            <source>The PDF could not be written to {path}: {error}. Choose a folder you may write to.</source>
            <translation>无法将 PDF 写入{path}：{error}。请选择有写入权限的文件夹。</translation>
        </message>
        <message>
            <source>Written: {path}</source>
            <translation>已写入：{path}</translation>
        </message>
        <message>
            <source>Supervision orders are issued from a supervisor&apos;s or a commander&apos;s desk; this desk drafts and exports them.</source>
            <translation>督办令须由督察或指挥长工作台签发；本工作台可起草和导出。</translation>
        </message>
        <message>
            <source>Monthly station review…</source>
            <translation>派出所警情月度分析…</translation>
        </message>
        <message>
            <source>Every station&apos;s incidents month-on-month and year-on-year, ranked; the supervision order for the largest rises</source>
            <translation>各派出所警情环比、同比及排名；为增幅最大的派出所起草督办令</translation>
        </message>
        <message>
            <source>The review reads the event log&apos;s database, which this desk does not have (its hub runs elsewhere): run &apos;dispatch-desktop analytics review&apos; where it is.</source>
            <translation>月度分析需读取事件日志数据库，本工作台没有该数据库（服务器在别处运行）：请在数据库所在处运行“dispatch-desktop analytics review”。</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>派出所</translation>
        </message>
        <message>
            <source>District bureau</source>
            <translation>分局</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>上月</translation>
        </message>
        <message>
            <source>MoM</source>
            <translation>环比</translation>
        </message>
        <message>
            <source>Same month
last year</source>
            <translation>去年同月</translation>
        </message>
        <message>
            <source>YoY</source>
            <translation>同比</translation>
        </message>
        <message>
            <source>Order
issued</source>
            <translation>已签发督办令</translation>
        </message>
        <message>
            <source>One of the two largest rises: a supervision order is due</source>
            <translation>增幅前两名之一：应下发督办令</translation>
        </message>
        <message>
            <source>The hub did not answer in time: the order may or may not be in the log. Refresh the review before issuing it again.</source>
            <translation>服务器未及时答复：督办令可能已写入日志，也可能没有。请先刷新分析，再决定是否重新签发。</translation>
        </message>
        <message>
            <source>The order could not be sent: {error}</source>
            <translation>督办令无法发送：{error}</translation>
        </message>
        <message>
            <source>The hub takes no commands from this desk&apos;s key (read-only).</source>
            <translation>服务器不接受本工作台密钥的任何指令（只读）。</translation>
        </message>
        <message>
            <source>The hub takes supervision orders from a supervisor&apos;s or a commander&apos;s desk only, and not while the desk shows a drill.</source>
            <translation>服务器只接受督察或指挥长工作台签发的督办令，且工作台显示演练时不可签发。</translation>
        </message>
        <message>
            <source>The hub is of an older version that does not know supervision orders: upgrade it, then issue the order again.</source>
            <translation>服务器版本过旧，不支持督办令：请升级服务器后重新签发。</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../dispatch_desktop/ui/signin.py" line="+31" />
            <source>Dispatcher: takes calls and dispatches</source>
            <translation>调度员：接警和派警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shift commander: takes calls, dispatches and commands</source>
            <translation>值班长：接警、派警和指挥</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor: sees everything, sends nothing (read-only)</source>
            <translation>督察：可查看全部情况，不能发送指令（只读）</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Enter your name.</source>
            <translation>请填写姓名。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A name has at most {n} characters.</source>
            <translation>姓名最多 {n} 个字。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The name contains control characters.</source>
            <translation>姓名中含有控制字符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter your badge number.</source>
            <translation>请填写警号。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A badge number is 3 to 20 letters, digits or dashes.</source>
            <translation>警号为 3 到 20 位字母、数字或短横线。</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location line="-54" />
            <source>Sign in — Dispatch Desktop</source>
            <translation>登录 — 指挥调度台</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Workstation {workstation}</source>
            <translation>席位 {workstation}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. 张伟</source>
            <translation>例如 张伟</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. 012345</source>
            <translation>例如 012345</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Name</source>
            <translation>姓名(&amp;N)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Badge number</source>
            <translation>警号(&amp;B)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../dispatch_desktop/ui/startup_progress.py" line="+20" />
            <source>Preparing the demo camera clips</source>
            <translation>正在准备演示视频</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generating the city</source>
            <translation>正在生成城市</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening the event store</source>
            <translation>正在打开事件库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Starting the hub</source>
            <translation>正在启动指挥中心枢纽</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reading this workstation's key</source>
            <translation>正在读取本席位的密钥</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Dispatch Desktop</source>
            <translation>指挥调度台</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/startup_errors.py" line="+76" />
            <source>Dispatch Desktop cannot start</source>
            <translation>指挥调度台无法启动</translation>
        </message>
    </context>
    <context>
        <name>StartupError</name>
        <message>
            <location line="-55" />
            <source>{store} is a directory, not an event store. It was not changed. Give --db the path of the database file (events.sqlite3) instead.</source>
            <translation>{store} 是一个目录，不是事件库。它没有被改动。请为 --db 指定数据库文件（events.sqlite3）的路径。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>You may not read {store}. It was not changed. Run Dispatch Desktop as the user who owns the file, or ask an administrator for access.</source>
            <translation>无权读取 {store}。它没有被改动。请以该文件所有者的身份运行指挥调度台，或请管理员授权。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} is not an SQLite database: it holds something else (overwritten, or --db names the wrong file). It was not changed. Check --db; if your event store was there, restore it from your backup.</source>
            <translation>{store} 不是 SQLite 数据库：其中是别的内容（被覆盖，或 --db 指错了文件）。它没有被改动。请检查 --db；如果事件库原本在那里，请从备份恢复。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} is cut short: {size} bytes, fewer than the {expected} it needs (an interrupted copy, a full disk?). It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.</source>
            <translation>{store} 不完整：只有 {size} 字节，少于所需的 {expected} 字节（复制中断？磁盘已满？）。它没有被改动。请从备份恢复，或运行 'dispatch-desktop db check --db {url}' 查看损坏情况。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{store} is damaged: the database reports "{detail}". It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.</source>
            <translation>{store} 已损坏：数据库报告“{detail}”。它没有被改动。请从备份恢复，或运行 'dispatch-desktop db check --db {url}' 查看损坏情况。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} is an event store with parts missing ({missing}). It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.</source>
            <translation>{store} 是缺少部分内容的事件库（{missing}）。它没有被改动。请从备份恢复，或运行 'dispatch-desktop db check --db {url}' 查看损坏情况。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} is another program's database, not an event store (it holds {tables}). It was not changed. Check --db: give an event store, or a new name for a new, empty one.</source>
            <translation>{store} 是其他程序的数据库，不是事件库（其中有 {tables}）。它没有被改动。请检查 --db：指定一个事件库，或为新的空事件库指定新名称。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{store} was written by a newer version of Dispatch Desktop (schema revision {revision}). It was not changed. Open it with that version, or update this one.</source>
            <translation>{store} 由较新版本的指挥调度台写入（结构版本 {revision}）。它没有被改动。请用该版本打开，或升级本程序。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The event store {store} could not be opened: {reason}</source>
            <translation>无法打开事件库 {store}：{reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This workstation ({workstation}) has no key for the hub ({reason}). On the hub machine run 'dispatch-desktop keys create --workstation {workstation} --role dispatcher', then copy private/{workstation}.key_secret and hub.key into {keys} (keeping private/).</source>
            <translation>本席位（{workstation}）没有连接指挥中心枢纽的密钥（{reason}）。请在枢纽所在机器上运行 'dispatch-desktop keys create --workstation {workstation} --role dispatcher'，然后把 private/{workstation}.key_secret 和 hub.key 复制到 {keys}（保留 private/ 目录）。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The hub's address cannot be used: {reason}</source>
            <translation>无法使用指挥中心枢纽的地址：{reason}</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <location filename="../../dispatch_desktop/ui/status_bar.py" line="+50" />
            <source>Safe mode: no plugins</source>
            <translation>安全模式：未启动插件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Started with --safe-mode: no plugin runs. Settings → Plugins… lists them.</source>
            <translation>以 --safe-mode 启动：不运行任何插件。可在“设置 → 插件…”中查看。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>⏳ %n command(s) queued, retrying</source>
            <translation>⏳ %n 条指令排队重试中</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%n held from before the restart</source>
            <translation>%n 条重启前的指令待处理</translation>
        </message>
        <message>
            <location line="+2" />
            <source>See the Outbox panel</source>
            <translation>见“发送队列”面板</translation>
        </message>
        <message>
            <location line="+6" />
            <source>● Hub connected</source>
            <translation>● 指挥中心已连接</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Events from the command center arrive live</source>
            <translation>指挥中心事件实时接收中</translation>
        </message>
        <message>
            <location line="+2" />
            <source>● Hub disconnected</source>
            <translation>● 与指挥中心断开</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No link to the command center: the picture may be out of date</source>
            <translation>与指挥中心失去连接：当前态势可能已过时</translation>
        </message>
    </context>
    <context>
        <name>TimelineKind</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="-73" />
            <source>Incident created</source>
            <translation>警情创建</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reclassified</source>
            <translation>重新定性</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit dispatched</source>
            <translation>派警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch acknowledged</source>
            <translation>签收指令</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrived on scene</source>
            <translation>到达现场</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared on scene</source>
            <translation>现场处置完毕</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit recalled</source>
            <translation>撤回警力</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referred</source>
            <translation>移交部门</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>结案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Field record</source>
            <translation>现场记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused</source>
            <translation>被拒绝</translation>
        </message>
    </context>
    <context>
        <name>UnitBoard</name>
        <message>
            <location filename="../../dispatch_desktop/ui/models/unit_table.py" line="+25" />
            <source>Call sign</source>
            <translation>呼号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation>所属单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incident</source>
            <translation>警情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last report</source>
            <translation>最后上报</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{time} · stale, {age} ago</source>
            <translation>{time} · 已过时，{age} 前</translation>
        </message>
        <message>
            <location line="+1" />
            <source>never reported</source>
            <translation>从未上报</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No report for longer than {limit}: its position on the map may be wrong</source>
            <translation>超过 {limit} 未上报：地图上的位置可能不准确</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/panels/unit_board.py" line="+23" />
            <source>All units</source>
            <translation>全部警力</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On duty</source>
            <translation>在岗</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Available</source>
            <translation>巡逻待命</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy on incidents</source>
            <translation>处警中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unavailable</source>
            <translation>暂不可用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Off duty</source>
            <translation>未上勤</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SOS</source>
            <translation>紧急求助</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Unit status</source>
            <translation>警力状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search call sign, station, incident…</source>
            <translation>搜索呼号、单位、警情…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Follow on map</source>
            <translation>地图跟随</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Keep the map centred on the selected unit</source>
            <translation>地图始终以所选警力为中心</translation>
        </message>
    </context>
    <context>
        <name>UnitKind</name>
        <message>
            <location filename="../../dispatch_desktop/ui/labels.py" line="-38" />
            <source>Patrol group</source>
            <translation>巡组</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rapid-response team</source>
            <translation>羊城突击队</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic police</source>
            <translation>交警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station car</source>
            <translation>派出所警车</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Officer</source>
            <translation>单警</translation>
        </message>
    </context>
    <context>
        <name>UnitStatus</name>
        <message>
            <location line="-22" />
            <source>Off duty</source>
            <translation>未上勤</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Available</source>
            <translation>巡逻待命</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatched</source>
            <translation>已派警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>En route</source>
            <translation>出警途中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On scene</source>
            <translation>到场处置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unavailable</source>
            <translation>暂不可用</translation>
        </message>
    </context>
    <context>
        <name>VideoTile</name>
        <message>
            <source>No video in a replay</source>
            <translation>回放无视频</translation>
        </message>
        <message>
            <source>The log keeps which cameras were near, not their pictures</source>
            <translation>日志只记录附近有哪些摄像头，不保存画面</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>未录像</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/video_wall/tile.py" line="+169" />
            <source>Live</source>
            <translation>实时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connecting…</source>
            <translation>连接中…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No signal</source>
            <translation>无信号</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Offline since {time}</source>
            <translation>自 {time} 起离线</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No stream configured</source>
            <translation>未配置视频流</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Empty: select an incident, or a camera on the map</source>
            <translation>空闲：请选择警情，或在地图上点选摄像头</translation>
        </message>
        <message>
            <location line="+66" />
            <source>{distance:.0f} m from the incident</source>
            <translation>距警情 {distance:.0f} 米</translation>
        </message>
        <message>
            <location line="-41" />
            <source>Pinned</source>
            <translation>已固定</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{distance:.0f} m</source>
            <translation>{distance:.0f} 米</translation>
        </message>
        <message>
            <location line="+2" />
            <source>in view</source>
            <translation>视野内</translation>
        </message>
        <message>
            <location line="-13" />
            <source>{fps:.1f} fps</source>
            <translation>{fps:.1f} 帧/秒</translation>
        </message>
    </context>
    <context>
        <name>VideoWall</name>
        <message>
            <source>A replay keeps no pictures: there is nothing to attach</source>
            <translation>回放不保存画面，无可附加的截图</translation>
        </message>
        <message>
            <location filename="../../dispatch_desktop/ui/video_wall/wall.py" line="+191" />
            <source>Video wall</source>
            <translation>视频墙</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+370" />
            <source>Pin</source>
            <translation>固定</translation>
        </message>
        <message>
            <location line="-369" />
            <source>Keep the selected camera on the wall when the incident changes (P)</source>
            <translation>切换警情时保留所选摄像机 (P)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+370" />
            <source>Enlarge</source>
            <translation>放大</translation>
        </message>
        <message>
            <location line="-369" />
            <source>Show the selected tile alone (double-click; Esc returns)</source>
            <translation>单独显示所选画面（双击；Esc 返回）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Snapshot</source>
            <translation>截图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Attach the selected tile's picture to the incident</source>
            <translation>将所选画面附加到警情</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show every tile again after one was enlarged (Esc)</source>
            <translation>放大一个画面后恢复全部画面（Esc）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take the selected camera off the wall (Del)</source>
            <translation>从视频墙移除所选摄像机 (Del)</translation>
        </message>
        <message>
            <location line="+64" />
            <source>Unknown camera {id}</source>
            <translation>未知摄像机 {id}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Every tile is pinned: unpin one to show {name}</source>
            <translation>所有画面均已固定：请取消固定一路以显示 {name}</translation>
        </message>
        <message>
            <location line="+49" />
            <source>No picture on this tile yet</source>
            <translation>该画面暂无图像</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Video snapshot: {camera_name} ({camera_id}) at {time}, sha256 {sha256}</source>
            <translation>视频截图：{camera_name}（{camera_id}）于 {time}，sha256 {sha256}</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Select an incident first: a snapshot is attached to an incident</source>
            <translation>请先选择警情：截图需附加到警情</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Select a tile with a camera first</source>
            <translation>请先选择有摄像机的画面</translation>
        </message>
        <message>
            <location line="+99" />
            <source>Snapshot could not be saved: {error}</source>
            <translation>截图未能保存：{error}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Snapshot saved for incident {id}</source>
            <translation>已为警情 {id} 保存截图</translation>
        </message>
        <message>
            <location line="+140" />
            <source>Unpin</source>
            <translation>取消固定</translation>
        </message>
        <message>
            <location line="-364" />
            <location line="+366" />
            <source>Back to the grid</source>
            <translation>返回宫格</translation>
        </message>
        <message numerus="yes">
            <location line="-373" />
            <source>Show %n tile(s)</source>
            <translation>
                <numerusform>显示 %n 路画面</numerusform>
            </translation>
        </message>
        <message>
            <location line="+375" />
            <source>Snapshot to incident</source>
            <translation>截图到警情</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove from wall</source>
            <translation>从视频墙移除</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No incident selected: the wall opens with the cameras near the incident you select (or a camera clicked on the map)</source>
            <translation>未选择警情：选择警情后显示其附近的摄像头（或在地图上点击摄像头）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No incident selected</source>
            <translation>未选择警情</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Following incident {id}</source>
            <translation>正在跟随警情 {id}</translation>
        </message>
    </context>
    <context>
        <name>Workstation</name>
        <message>
            <location filename="../../dispatch_desktop/ui/workstation.py" line="-12" />
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sound for overdue timers and SOS</source>
            <translation>超时和紧急求助时发出提示音</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keyboard reference</source>
            <translation>快捷键一览</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show every key of the desk</source>
            <translation>显示调度台的全部快捷键</translation>
        </message>
        <message>
            <location line="+1" />
            <source>About Dispatch Desktop</source>
            <translation>关于指挥调度台</translation>
        </message>
        <message>
            <location line="+9" />
            <source>workstation {id}</source>
            <translation>席位 {id}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>operator {name}</source>
            <translation>操作员 {name}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>SOS from {unit}</source>
            <translation>{unit} 发出紧急求助</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Map unavailable: {reason}</source>
            <translation>地图不可用：{reason}</translation>
        </message>
    </context>
</TS>
