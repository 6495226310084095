<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <!-- The checklist panel and the map layer "Plan forces" (H-B); context = the plugin id. -->
    <context>
        <name>emergency_plans</name>
        <message>
            <source>Dispatcher</source>
            <translation>调度员</translation>
        </message>
        <message>
            <source>Shift commander</source>
            <translation>值班长</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>督察</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>派出所</translation>
        </message>
        <message>
            <source>Units on scene</source>
            <translation>现场警力</translation>
        </message>
        <message>
            <source>the call</source>
            <translation>报警</translation>
        </message>
        <message>
            <source>creation</source>
            <translation>立案</translation>
        </message>
        <message>
            <source>the first dispatch</source>
            <translation>首次派警</translation>
        </message>
        <message>
            <source>the first arrival</source>
            <translation>首次到场</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>启动预案</translation>
        </message>
        <message>
            <source>dispatch of {unit}</source>
            <translation>派警：{unit}</translation>
        </message>
        <message>
            <source>acknowledgement by {unit}</source>
            <translation>{unit} 接令</translation>
        </message>
        <message>
            <source>arrival of {unit}</source>
            <translation>{unit} 到场</translation>
        </message>
        <message>
            <source>clearance by {unit}</source>
            <translation>{unit} 处置完毕</translation>
        </message>
        <message>
            <source>field record by {unit}</source>
            <translation>{unit} 现场记录</translation>
        </message>
        <message>
            <source>a note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>the referral</source>
            <translation>移交</translation>
        </message>
        <message>
            <source>the close</source>
            <translation>结案</translation>
        </message>
        <message>
            <source>the reclassification</source>
            <translation>改类</translation>
        </message>
        <message>
            <source>activated {time} by {who}</source>
            <translation>{who} 于 {time} 启动</translation>
        </message>
        <message>
            <source>ended {time} by {who}</source>
            <translation>{who} 于 {time} 停用</translation>
        </message>
        <message>
            <source>{title} — v{version}</source>
            <translation>{title}（第 {version} 版）</translation>
        </message>
        <message>
            <source>{minutes} min from {anchor}</source>
            <translation>自{anchor}起 {minutes} 分钟</translation>
        </message>
        <message>
            <source>{time} left</source>
            <translation>剩余 {time}</translation>
        </message>
        <message>
            <source>by hand: {who}</source>
            <translation>人工勾选：{who}</translation>
        </message>
        <message>
            <source>late by {time}</source>
            <translation>超时 {time}</translation>
        </message>
        <message>
            <source>escalated to {role} {time}</source>
            <translation>{time} 已上报{role}</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>负责</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>时限</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成情况</translation>
        </message>
        <message>
            <source>* mandatory step · keys 1–9 tick or untick a step</source>
            <translation>* 为必做步骤 · 数字键 1–9 勾选或撤销勾选</translation>
        </message>
        <message>
            <source>Take back the tick</source>
            <translation>撤销勾选</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Why is it not done?</source>
            <translation>为什么未完成？</translation>
        </message>
        <message>
            <source>Select an incident to see the checklists of its plans.</source>
            <translation>选择一个警情，查看其预案处置清单。</translation>
        </message>
        <message>
            <source>Incident {incident}: {address}</source>
            <translation>警情 {incident}：{address}</translation>
        </message>
        <message>
            <source>No plan active for this incident — {key} activates the suggested one: {title}.</source>
            <translation>该警情尚未启动预案 — 按 {key} 启动提示的预案：{title}。</translation>
        </message>
        <message>
            <source>No plan active for this incident, and none suggested — {key} chooses one from the plan library.</source>
            <translation>该警情尚未启动预案，也没有提示的预案 — 按 {key} 从预案库中选择。</translation>
        </message>
        <message>
            <source>Mandatory step</source>
            <translation>必做步骤</translation>
        </message>
        <message>
            <source>Optional step</source>
            <translation>选做步骤</translation>
        </message>
        <message>
            <source>This checklist has no step {n}.</source>
            <translation>该清单没有第 {n} 步。</translation>
        </message>
        <message>
            <source>Why is step {n} ({step}) not done? The tick is taken back with your reason.</source>
            <translation>第 {n} 步（{step}）为什么未完成？将按您填写的原因撤销勾选。</translation>
        </message>
        <message>
            <source>Rapid-response team</source>
            <translation>羊城突击队</translation>
        </message>
        <message>
            <source>Patrol group</source>
            <translation>巡组</translation>
        </message>
        <message>
            <source>Traffic police</source>
            <translation>交警</translation>
        </message>
        <message>
            <source>Station car</source>
            <translation>派出所警车</translation>
        </message>
        <message>
            <source>Officer on foot</source>
            <translation>单警</translation>
        </message>
        <message>
            <source>Troop route by road</source>
            <translation>运兵路线（道路）</translation>
        </message>
        <message>
            <source>Troop route by metro</source>
            <translation>运兵路线（地铁）</translation>
        </message>
        <message>
            <source>Troop route on foot</source>
            <translation>运兵路线（步行）</translation>
        </message>
        <message>
            <source>Troop route by water</source>
            <translation>运兵路线（水路）</translation>
        </message>
        <message>
            <source>{name} × {count}</source>
            <translation>{name} × {count}</translation>
        </message>
        <message>
            <source>{route} ({mode}) — {plan}</source>
            <translation>{route}（{mode}）— {plan}</translation>
        </message>
        <message>
            <source>Cordon — {plan}</source>
            <translation>警戒圈 — {plan}</translation>
        </message>
        <message>
            <source>Cordon {radius} m around incident {incident} — {plan}</source>
            <translation>警情 {incident} 周边 {radius} 米警戒圈 — {plan}</translation>
        </message>
        <message>
            <source>Cordon</source>
            <translation>警戒圈</translation>
        </message>
    </context>
</TS>
