using System.Text.Json;
using System.Text.RegularExpressions;

namespace ZohoDsr.Infra.Tests;

/// <summary>
/// A compiled ARM template and, recursively, the module templates nested in it as
/// <c>Microsoft.Resources/deployments</c> with <c>properties.template</c>.
/// </summary>
public sealed partial class ArmTemplate
{
    public const string DeploymentType = "Microsoft.Resources/deployments";

    private ArmTemplate(JsonElement root, string name, ArmTemplate? parent, JsonElement? deployment)
    {
        Root = root;
        Name = name;
        Parent = parent;
        Deployment = deployment;
        Modules = Resources
            .Where(r => r.Text("type") == DeploymentType && r.Find("properties", "template") is not null)
            .Select(r => new ArmTemplate(r.At("properties", "template"), r.Text("name"), this, r))
            .ToList();
    }

    public JsonElement Root { get; }

    /// <summary>The deployment name of a module (its literal name in the parent), or "main".</summary>
    public string Name { get; }

    public ArmTemplate? Parent { get; }

    /// <summary>The deployment resource in the parent that carries this template; null for the root.</summary>
    public JsonElement? Deployment { get; }

    public IReadOnlyList<ArmTemplate> Modules { get; }

    /// <summary>This template's own resources: an array, or an object keyed by symbolic name (language version 2.0).</summary>
    public IReadOnlyList<JsonElement> Resources =>
        Root.At("resources") switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().ToList(),
            { ValueKind: JsonValueKind.Object } symbolic => symbolic.EnumerateObject().Select(p => p.Value).ToList(),
            var other => throw new InvalidOperationException($"Unexpected resources: {other.ValueKind}"),
        };

    public static ArmTemplate Parse(JsonElement root) => new(root, "main", null, null);

    /// <summary>Every resource in this template and its modules, deployments included.</summary>
    public IEnumerable<(ArmTemplate Template, JsonElement Resource)> AllResources()
    {
        foreach (var resource in Resources)
        {
            yield return (this, resource);
        }

        foreach (var resource in Modules.SelectMany(m => m.AllResources()))
        {
            yield return resource;
        }
    }

    public ArmTemplate Module(string name) =>
        Modules.SingleOrDefault(m => m.Name == name)
        ?? throw new KeyNotFoundException($"Template '{Name}' has no module deployment named '{name}'.");

    public JsonElement Resource(string type) =>
        Resources.Single(r => r.Text("type") == type);

    public JsonElement Variable(string name) => Root.At("variables", name);

    public JsonElement ParameterDefinition(string name) => Root.At("parameters", name);

    /// <summary>The value the parent deployment passes for one of this module's parameters.</summary>
    public JsonElement ArgumentFor(string parameterName) =>
        (Deployment ?? throw new InvalidOperationException("The root template has no caller."))
            .At("properties", "parameters", parameterName, "value");

    /// <summary>
    /// Follows an expression that is exactly <c>[parameters('x')]</c> up through the callers, as long as each
    /// caller passes on one of its own parameters; returns the template and parameter where the chain ends.
    /// </summary>
    public (ArmTemplate Template, string Parameter) TraceParameter(string expression)
    {
        var match = ParameterExpression().Match(expression);
        if (!match.Success)
        {
            throw new InvalidOperationException($"'{expression}' is not a plain parameter reference.");
        }

        var parameter = match.Groups["name"].Value;
        _ = ParameterDefinition(parameter);
        if (Parent is null)
        {
            return (this, parameter);
        }

        var argument = ArgumentFor(parameter);
        return argument.ValueKind == JsonValueKind.String && ParameterExpression().IsMatch(argument.GetString()!)
            ? Parent.TraceParameter(argument.GetString()!)
            : (this, parameter);
    }

    [GeneratedRegex(@"^\[parameters\('(?<name>[A-Za-z0-9_]+)'\)\]$")]
    private static partial Regex ParameterExpression();
}
