<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <!-- The shift log plugin's own texts; context = the plugin id. The manifest's titles are here too. -->
    <context>
        <name>shift_log</name>
        <message>
            <source>Shift log</source>
            <translation>值班日志</translation>
        </message>
        <message>
            <source>The command center's handover log: entries of the shift under way, written from any desk, kept in the event log.</source>
            <translation>指挥中心的交接班日志：记录本班次的情况，任一调度台均可填写，保存在事件日志中。</translation>
        </message>
        <message>
            <source>Places in the shift log</source>
            <translation>值班日志涉及的地点</translation>
        </message>
        <message>
            <source>Write the incident in the shift log</source>
            <translation>将警情记入值班日志</translation>
        </message>
        <message>
            <source>The shift log panel could not be built; see the panel for what went wrong.</source>
            <translation>值班日志面板未能创建，原因见该面板。</translation>
        </message>
        <message>
            <source>Write the entry first: an empty entry is not added.</source>
            <translation>请先填写内容：空记录不会添加。</translation>
        </message>
        <message>
            <source>The entry has {count} characters; at most {limit} fit in one. Shorten it, or split it into two entries.</source>
            <translation>该记录有 {count} 个字符，每条最多 {limit} 个。请删减，或分成两条记录。</translation>
        </message>
        <message>
            <source>This shift</source>
            <translation>本班次</translation>
        </message>
        <message>
            <source>Last 24 h</source>
            <translation>近24小时</translation>
        </message>
        <message>
            <source>Newest first. Double-click an entry about an incident to select it.</source>
            <translation>最新的在上。双击涉及警情的记录可选中该警情。</translation>
        </message>
        <message>
            <source>Write an entry for the shift log and press Enter</source>
            <translation>填写值班日志，按回车添加</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>The entry concerns no incident</source>
            <translation>本条记录不涉及警情</translation>
        </message>
        <message>
            <source>Not confirmed: the hub did not answer in time, so the entry may be missing from the log. Your text is kept: if it does not appear in the list, press Enter to send it again.</source>
            <translation>未确认：指挥中心未及时答复，该记录可能未写入日志。您的内容已保留：如列表中没有出现，请按回车重新发送。</translation>
        </message>
        <message>
            <source>This desk cannot write to the log.</source>
            <translation>本调度台不能写入日志。</translation>
        </message>
        <message>
            <source>No entries in this shift yet.</source>
            <translation>本班次暂无记录。</translation>
        </message>
        <message>
            <source>No entries in the last 24 hours.</source>
            <translation>近24小时内无记录。</translation>
        </message>
        <message>
            <source>Sending the entry…</source>
            <translation>正在发送记录…</translation>
        </message>
        <message>
            <source>{reason} The shift log can be read here, not written.</source>
            <translation>{reason} 在此只能查看值班日志，不能填写。</translation>
        </message>
        <message>
            <source>Not added: {reason}. Your text is kept: correct it if needed and press Enter to try again.</source>
            <translation>未添加：{reason}。您的内容已保留：如需修改，改好后按回车重试。</translation>
        </message>
        <message>
            <source>since {time}</source>
            <translation>自 {time} 起</translation>
        </message>
        <message>
            <source>About {incident}</source>
            <translation>涉及警情 {incident}</translation>
        </message>
        <message>
            <source>Double-click to select the incident {incident} on the desk.</source>
            <translation>双击可在调度台上选中警情 {incident}。</translation>
        </message>
        <message>
            <source>An incident written in this shift's log</source>
            <translation>本班次值班日志记录的警情</translation>
        </message>
        <message>
            <source>{incident}: in the shift log at {times}</source>
            <translation>{incident}：{times} 记入值班日志</translation>
        </message>
    </context>
</TS>
