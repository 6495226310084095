<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <!-- The triage's reason on the desk (station_duty/triage/explain.py): sentences, department names,
         police triggers and noise sources of the shipped rules. -->
    <context>
        <name>station_duty</name>
        <message>
            <source>Police business first ({rules}): matched {words}</source>
            <translation>警情优先（{rules}）：命中{words}</translation>
        </message>
        <message>
            <source>, although it is also a matter for {department} ({words}); it stays with the police</source>
            <translation>，虽涉及{department}事项（{words}），仍按警情处理</translation>
        </message>
        <message>
            <source>at any hour</source>
            <translation>任何时段</translation>
        </message>
        <message>
            <source>at night</source>
            <translation>夜间</translation>
        </message>
        <message>
            <source>by day</source>
            <translation>白天</translation>
        </message>
        <message>
            <source>the description says {hour}:00</source>
            <translation>描述中为{hour}点</translation>
        </message>
        <message>
            <source>the description says “{word}”</source>
            <translation>描述提到“{word}”</translation>
        </message>
        <message>
            <source>called at {hour}:00</source>
            <translation>来电{hour}点</translation>
        </message>
        <message>
            <source>time unknown, read as day</source>
            <translation>时间不明，按白天</translation>
        </message>
        <message>
            <source>time unknown, read as night</source>
            <translation>时间不明，按夜间</translation>
        </message>
        <message>
            <source>Noise rule: {source}, {when} ({basis}) → {department}: matched {words}</source>
            <translation>噪音规则：{source}，{when}（{basis}）→ {department}：命中{words}</translation>
        </message>
        <message>
            <source>matched {words}</source>
            <translation>命中{words}</translation>
        </message>
        <message>
            <source>the incident type “{type}” points to {department}</source>
            <translation>警情类型“{type}”指向{department}</translation>
        </message>
        <message>
            <source>Not police business, a matter for {department}: {evidence}</source>
            <translation>非警务，{department}职责：{evidence}</translation>
        </message>
        <message>
            <source>The incident type “{type}” is police business; the description points to no other department</source>
            <translation>警情类型“{type}”属公安，描述未指向其他部门</translation>
        </message>
        <message>
            <source>Possibly police business ({rules}): matched {words}; no other department is named</source>
            <translation>可能涉警（{rules}）：命中{words}，未指向其他部门</translation>
        </message>
        <message>
            <source>No rule matched; like similar labelled calls, a matter for {department}</source>
            <translation>规则未命中；按相似的已标注来电，判为{department}职责</translation>
        </message>
        <message>
            <source> (telling words: {words})</source>
            <translation>（相近词{words}）</translation>
        </message>
        <message>
            <source>No rule matched; it stays with the police</source>
            <translation>未命中任何规则，留公安处理</translation>
        </message>
        <message>
            <source>; {words} not counted: a negation word comes before them</source>
            <translation>；{words}前有否定词，未计</translation>
        </message>
        <message>
            <source>Police</source>
            <translation>公安</translation>
        </message>
        <message>
            <source>Fire service</source>
            <translation>消防</translation>
        </message>
        <message>
            <source>Street office</source>
            <translation>街道</translation>
        </message>
        <message>
            <source>Environmental protection</source>
            <translation>环保</translation>
        </message>
        <message>
            <source>City management</source>
            <translation>城管</translation>
        </message>
        <message>
            <source>Labour inspection</source>
            <translation>劳动</translation>
        </message>
        <message>
            <source>Market regulation</source>
            <translation>工商</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>卫生</translation>
        </message>
        <message>
            <source>Water authority</source>
            <translation>水务</translation>
        </message>
        <message>
            <source>Power supply</source>
            <translation>供电</translation>
        </message>
        <message>
            <source>Gas company</source>
            <translation>燃气</translation>
        </message>
        <message>
            <source>Transport</source>
            <translation>交通运输</translation>
        </message>
        <message>
            <source>Housing and construction</source>
            <translation>住建</translation>
        </message>
        <message>
            <source>Civil affairs</source>
            <translation>民政</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>教育</translation>
        </message>
        <message>
            <source>Ambulance (120)</source>
            <translation>急救</translation>
        </message>
        <message>
            <source>Property management</source>
            <translation>物业</translation>
        </message>
        <message>
            <source>violence</source>
            <translation>暴力</translation>
        </message>
        <message>
            <source>threats</source>
            <translation>威胁</translation>
        </message>
        <message>
            <source>weapons</source>
            <translation>凶器</translation>
        </message>
        <message>
            <source>property crime</source>
            <translation>侵财犯罪</translation>
        </message>
        <message>
            <source>vice, gambling, drugs</source>
            <translation>黄赌毒</translation>
        </message>
        <message>
            <source>arson, things thrown from height, forgery</source>
            <translation>放火、高空抛物、假币假证</translation>
        </message>
        <message>
            <source>sexual assault, harassment</source>
            <translation>性侵、骚扰</translation>
        </message>
        <message>
            <source>confinement, hijacking</source>
            <translation>拘禁、劫持</translation>
        </message>
        <message>
            <source>crowds blocking roads</source>
            <translation>聚集堵路</translation>
        </message>
        <message>
            <source>suspicious persons or objects</source>
            <translation>可疑人员物品</translation>
        </message>
        <message>
            <source>missing persons</source>
            <translation>人员走失</translation>
        </message>
        <message>
            <source>suicide</source>
            <translation>轻生</translation>
        </message>
        <message>
            <source>dead body</source>
            <translation>尸体</translation>
        </message>
        <message>
            <source>lost property</source>
            <translation>遗失物品</translation>
        </message>
        <message>
            <source>drunkenness</source>
            <translation>醉酒</translation>
        </message>
        <message>
            <source>traffic accidents, traffic order</source>
            <translation>交通事故、交通秩序</translation>
        </message>
        <message>
            <source>construction noise</source>
            <translation>建筑施工噪音</translation>
        </message>
        <message>
            <source>industrial noise</source>
            <translation>工业噪音</translation>
        </message>
        <message>
            <source>shop loudspeakers</source>
            <translation>商铺喇叭噪音</translation>
        </message>
        <message>
            <source>home renovation</source>
            <translation>家庭装修噪音</translation>
        </message>
        <message>
            <source>animal noise</source>
            <translation>动物噪音</translation>
        </message>
        <message>
            <source>people's noise</source>
            <translation>社会生活噪音</translation>
        </message>
        <message>
            <source>Read against the labelled calls: police business</source>
            <translation>与已标注来电比对，属警情</translation>
        </message>
        <message>
            <source>Read against the labelled calls: a matter for {department}</source>
            <translation>与已标注来电比对，属{department}职责</translation>
        </message>
        <message>
            <source>; the rules said {department}</source>
            <translation>；规则判为{department}</translation>
        </message>
        <message>
            <source> (matched {words})</source>
            <translation>（命中{words}）</translation>
        </message>
        <message>
            <source>, not followed</source>
            <translation>，未采用</translation>
        </message>
    </context>
</TS>
