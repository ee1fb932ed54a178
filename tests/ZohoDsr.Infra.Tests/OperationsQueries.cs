using System.Text.Json;

namespace ZohoDsr.Infra.Tests;

/// <summary>The workbook and alert rules a snapshot deploys, and the KQL in them.</summary>
public static class OperationsQueries
{
    public const string WorkbookType = "Microsoft.Insights/workbooks";
    public const string AlertRuleType = "Microsoft.Insights/scheduledQueryRules";
    public const string ActionGroupType = "Microsoft.Insights/actionGroups";

    /// <summary>The workbook's content: its <c>serializedData</c>, parsed.</summary>
    public static JsonElement WorkbookContent(DeploymentSnapshot snapshot) =>
        JsonDocument.Parse(snapshot.Single(WorkbookType).Text("properties", "serializedData")).RootElement;

    /// <summary>The workbook's query steps by step name.</summary>
    public static IReadOnlyDictionary<string, JsonElement> WorkbookSteps(DeploymentSnapshot snapshot) =>
        WorkbookContent(snapshot).At("items").EnumerateArray()
            .Where(i => i.At("type").GetInt32() == 3)
            .ToDictionary(i => i.Text("name"), i => i.At("content"));

    /// <summary>The workbook's parameters by name.</summary>
    public static IReadOnlyDictionary<string, JsonElement> WorkbookParameters(DeploymentSnapshot snapshot) =>
        WorkbookContent(snapshot).At("items").EnumerateArray()
            .Single(i => i.At("type").GetInt32() == 9)
            .At("content", "parameters").EnumerateArray()
            .ToDictionary(p => p.Text("name"), p => p);

    /// <summary>Every KQL query of the workbook (steps and parameters), named.</summary>
    public static IReadOnlyList<(string Name, string Kql)> WorkbookQueries(DeploymentSnapshot snapshot) =>
        WorkbookSteps(snapshot).Select(s => (s.Key, s.Value.Text("query")))
            .Concat(WorkbookParameters(snapshot).Values.Where(p => p.Find("query") is not null).Select(p => ($"parameter {p.Text("name")}", p.Text("query"))))
            .ToList();

    /// <summary>The alert rules by the part of their name after the prefix.</summary>
    public static IReadOnlyDictionary<string, JsonElement> AlertRules(DeploymentSnapshot snapshot) =>
        snapshot.OfType(AlertRuleType).ToDictionary(r => r.Text("name")[(r.Text("name").IndexOf('-', "alert-".Length) + 1)..], r => r);

    /// <summary>The one condition of an alert rule.</summary>
    public static JsonElement Condition(JsonElement rule) =>
        Assert.Single(rule.At("properties", "criteria", "allOf").EnumerateArray());

    public static IReadOnlyList<(string Name, string Kql)> AlertQueries(DeploymentSnapshot snapshot) =>
        snapshot.OfType(AlertRuleType).Select(r => (r.Text("name"), Condition(r).Text("query"))).ToList();
}
