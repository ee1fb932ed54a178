using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ZohoDsr.Tests.Shared;

/// <summary>
/// The logging rules of every project (STYLE "Logging"), checked on its one <c>Log</c> class: <c>[LoggerMessage]</c> only,
/// parameter names from the allow-list, a <c>status</c> that is an HTTP status (<see cref="int"/>) or a value of a fixed
/// set (an enum), never formatted text, and event ids unique within the project's block. Linked into every test project.
/// </summary>
internal static class LoggerMessageRules
{
    public static readonly IReadOnlySet<string> AllowedNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "requestId", "orgId", "instanceId", "module", "count", "zohoCode", "status", "elapsed",
    };

    /// <summary>
    /// Checks the rules on <paramref name="assembly"/>'s <c>Log</c> class; <paramref name="stringStatus"/> names the messages
    /// whose <c>status</c> is still a string, each with why its values come from a fixed set.
    /// </summary>
    public static void Check(Assembly assembly, int firstEventId, int lastEventId, IReadOnlyDictionary<string, string>? stringStatus = null)
    {
        stringStatus ??= new Dictionary<string, string>();
        Type log = Assert.Single(assembly.GetTypes(), t => t.Name == "Log" && t.IsAbstract && t.IsSealed);
        MethodInfo[] methods = log.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<LoggerMessageAttribute>() is not null)
            .ToArray();

        Assert.NotEmpty(methods);
        foreach (MethodInfo method in methods)
        {
            foreach (ParameterInfo parameter in method.GetParameters().Where(p => p.ParameterType != typeof(ILogger) && p.ParameterType != typeof(Exception)))
            {
                Assert.True(AllowedNames.Contains(parameter.Name!), $"{log.FullName}.{method.Name} logs '{parameter.Name}', which is not on the allow-list.");
                if (parameter.Name == "status")
                {
                    Type type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                    Assert.True(
                        type == typeof(int) || type.IsEnum || (type == typeof(string) && stringStatus.ContainsKey(method.Name)),
                        $"{log.FullName}.{method.Name} logs a status of type {type.Name}: make it an HTTP status or an enum.");
                }
            }

            Assert.InRange(method.GetCustomAttribute<LoggerMessageAttribute>()!.EventId, firstEventId, lastEventId);
        }

        Assert.Equal(methods.Length, methods.Select(m => m.GetCustomAttribute<LoggerMessageAttribute>()!.EventId).Distinct().Count());
        Assert.All(stringStatus.Keys, name => Assert.Contains(methods, m => m.Name == name && m.GetParameters().Any(p => p.Name == "status" && p.ParameterType == typeof(string))));
    }
}
