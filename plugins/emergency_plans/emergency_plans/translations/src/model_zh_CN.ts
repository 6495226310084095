<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <!-- The manifest's texts, the plans model, its actions and dialogs (H-A); context = the plugin id. -->
    <context>
        <name>emergency_plans</name>
        <message>
            <source>Emergency plans</source>
            <translation>应急预案</translation>
        </message>
        <message>
            <source>Emergency plans (应急预案): suggested by the incidents they match, checklists that tick themselves from the units' reports, the required forces at the top of the dispatch list, force points and routes on the map</source>
            <translation>应急预案：按警情自动提示适用预案，处置清单随处警单位的反馈自动勾选，预案要求的警力排在派警推荐最前，屯警点与运兵路线显示在地图上</translation>
        </message>
        <message>
            <source>Plan checklist</source>
            <translation>预案处置清单</translation>
        </message>
        <message>
            <source>Plan forces</source>
            <translation>预案警力部署</translation>
        </message>
        <message>
            <source>Activate the suggested plan</source>
            <translation>启动提示的预案</translation>
        </message>
        <message>
            <source>Activate a plan…</source>
            <translation>启动预案…</translation>
        </message>
        <message>
            <source>Export the plan report…</source>
            <translation>导出预案执行报告…</translation>
        </message>
        <message>
            <source>The step “{step}” of “{plan}” is already ticked.</source>
            <translation>“{plan}”的步骤“{step}”已勾选。</translation>
        </message>
        <message>
            <source>The step “{step}” of “{plan}” is not ticked: there is no tick to take back.</source>
            <translation>“{plan}”的步骤“{step}”尚未勾选，无需撤销。</translation>
        </message>
        <message>
            <source>Say in a few words why the tick of “{step}” is taken back.</source>
            <translation>请简要说明撤销“{step}”勾选的原因。</translation>
        </message>
        <message>
            <source>No plan activation {activation} on this desk.</source>
            <translation>本席位没有预案启动记录 {activation}。</translation>
        </message>
        <message>
            <source>No plan “{plan}” in the plan library.</source>
            <translation>预案库中没有预案“{plan}”。</translation>
        </message>
        <message>
            <source>No incident {incident} on this desk.</source>
            <translation>本席位没有警情 {incident}。</translation>
        </message>
        <message>
            <source>Incident {incident} is closed or referred: a plan is activated on an open incident.</source>
            <translation>警情 {incident} 已结案或已移交：预案只能在未结警情上启动。</translation>
        </message>
        <message>
            <source>The plan “{plan}” is already active on incident {incident}.</source>
            <translation>预案“{plan}”已在警情 {incident} 上启动。</translation>
        </message>
        <message>
            <source>The plan “{plan}” was stood down on incident {incident}.</source>
            <translation>预案“{plan}”已在警情 {incident} 上解除。</translation>
        </message>
        <message>
            <source>The plan “{plan}” has no step {step}.</source>
            <translation>预案“{plan}”没有步骤 {step}。</translation>
        </message>
        <message>
            <source>The report could not be written to {path}: {why}. Choose another folder.</source>
            <translation>报告无法写入 {path}：{why}。请选择其他文件夹。</translation>
        </message>
        <message>
            <source>The plan library could not be loaded: {why}</source>
            <translation>预案库无法加载：{why}</translation>
        </message>
        <message>
            <source>The plan library has {count} problem(s); those plans are left out: {problems}</source>
            <translation>预案库有 {count} 处问题，相关预案未载入：{problems}</translation>
        </message>
        <message>
            <source>Not recorded: {why}</source>
            <translation>未能记录：{why}</translation>
        </message>
        <message>
            <source>{plan}: {step} (due {due})</source>
            <translation>{plan}：{step}（时限 {due}）</translation>
        </message>
        <message>
            <source>Plan step overdue</source>
            <translation>预案步骤超时</translation>
        </message>
        <message>
            <source>Web page (*.html)</source>
            <translation>网页 (*.html)</translation>
        </message>
        <message>
            <source>Spreadsheet (*.csv)</source>
            <translation>表格 (*.csv)</translation>
        </message>
        <message>
            <source>Export the plan report</source>
            <translation>导出预案执行报告</translation>
        </message>
        <message>
            <source>No plan is suggested for incident {incident}.</source>
            <translation>警情 {incident} 没有提示的预案。</translation>
        </message>
        <message>
            <source>Plan activated: {plan}</source>
            <translation>已启动预案：{plan}</translation>
        </message>
        <message>
            <source>No plan was activated on incident {incident}.</source>
            <translation>警情 {incident} 未启动过预案。</translation>
        </message>
        <message>
            <source>Plan report written to {path}</source>
            <translation>预案执行报告已写入 {path}</translation>
        </message>
        <message>
            <source>Activate a plan</source>
            <translation>启动预案</translation>
        </message>
        <message>
            <source>Type to filter the plans</source>
            <translation>输入文字筛选预案</translation>
        </message>
        <message>
            <source>Activate</source>
            <translation>启动</translation>
        </message>
        <message>
            <source>Plan suggested: {plan} — {key} activates</source>
            <translation>提示预案：{plan} — 按 {key} 启动</translation>
        </message>
    </context>
</TS>
