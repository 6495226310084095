<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <!-- The station duty plugin: responsibility list and station load texts (merged by the lead). -->
    <context>
        <name>station_duty</name>
        <message>
            <source>Responsibility list</source>
            <translation>派出所职责清单</translation>
        </message>
        <message>
            <source>Station load</source>
            <translation>派出所警情负荷</translation>
        </message>
        <message>
            <source>Search (中文 or English)</source>
            <translation>搜索（中文或英文）：名称、依据、部门</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <source>Use a command center's own responsibility list (TOML or JSON)</source>
            <translation>使用本指挥中心自己的职责清单（TOML 或 JSON）</translation>
        </message>
        <message>
            <source>Shipped list</source>
            <translation>示例清单</translation>
        </message>
        <message>
            <source>Go back to the example list shipped with the plugin</source>
            <translation>恢复使用插件自带的示例清单</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>对口部门</translation>
        </message>
        <message>
            <source>Not police business: refer to this department</source>
            <translation>非警务：移交该部门</translation>
        </message>
        <message>
            <source>No item matches the search.</source>
            <translation>没有符合搜索条件的项目。</translation>
        </message>
        <message>
            <source>Police business</source>
            <translation>警务（公安）</translation>
        </message>
        <message>
            <source>Not police business: refer to {department}</source>
            <translation>非警务：移交{department}</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>法律依据</translation>
        </message>
        <message>
            <source>Counterpart</source>
            <translation>对口单位</translation>
        </message>
        <message>
            <source>Import a responsibility list</source>
            <translation>导入职责清单</translation>
        </message>
        <message>
            <source>Responsibility lists (*.toml *.json)</source>
            <translation>职责清单 (*.toml *.json)</translation>
        </message>
        <message>
            <source>Responsibility list imported from {file}: {n} items</source>
            <translation>已从 {file} 导入职责清单：共 {n} 项</translation>
        </message>
        <message>
            <source>{file} was not imported ({n} problems); the list in use stays. Fix these and import it again:</source>
            <translation>{file} 未导入（{n} 处问题），仍使用当前清单。请改正以下问题后重新导入：</translation>
        </message>
        <message>
            <source>The imported list {file} cannot be used any more ({n} problems); the shipped list is in use. Fix these and import it again:</source>
            <translation>已导入的清单 {file} 无法继续使用（{n} 处问题），现使用示例清单。请改正以下问题后重新导入：</translation>
        </message>
        <message>
            <source>… and {n} more</source>
            <translation>……另有 {n} 处</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>派出所</translation>
        </message>
        <message>
            <source>District</source>
            <translation>分局</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今日警情</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>未结</translation>
        </message>
        <message>
            <source>Non-police</source>
            <translation>非警务占比</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>超时</translation>
        </message>
        <message>
            <source>Units on shift</source>
            <translation>在岗警力</translation>
        </message>
        <message>
            <source>Open per unit</source>
            <translation>人均未结</translation>
        </message>
        <message>
            <source>Filter by station or district</source>
            <translation>按派出所或分局筛选</translation>
        </message>
        <message>
            <source>Today {today} incidents; now {open} open, {overdue} overdue, {units} units on shift</source>
            <translation>今日警情 {today} 宗；当前未结 {open} 宗，超时 {overdue} 宗，在勤警力 {units} 个</translation>
        </message>
        <message>
            <source>Under {n} open incidents per unit on shift</source>
            <translation>在勤警力人均未结警情少于 {n} 宗</translation>
        </message>
        <message>
            <source>{low} to {high} open incidents per unit on shift</source>
            <translation>在勤警力人均未结警情 {low}–{high} 宗</translation>
        </message>
        <message>
            <source>{n} or more per unit, or open incidents and no unit on shift</source>
            <translation>人均 {n} 宗及以上，或有未结警情而无在勤警力</translation>
        </message>
        <message>
            <source>{station}: {open} open, {units} units on shift, {today} today, {overdue} overdue</source>
            <translation>{station}：未结 {open} 宗，在勤警力 {units} 个，今日 {today} 宗，超时 {overdue} 宗</translation>
        </message>
    </context>
</TS>
