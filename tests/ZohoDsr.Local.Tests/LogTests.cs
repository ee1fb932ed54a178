using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ZohoDsr.Local.Tests;

public sealed class LogTests
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "requestId", "orgId", "instanceId", "module", "count", "zohoCode", "status", "elapsed" };

    [Fact]
    public void LogMessages_Parameters_OnlyFromTheAllowList()
    {
        MethodInfo[] methods = typeof(Log).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<LoggerMessageAttribute>() is not null)
            .ToArray();

        Assert.NotEmpty(methods);
        foreach (MethodInfo method in methods)
        {
            foreach (ParameterInfo parameter in method.GetParameters().Where(p => p.ParameterType != typeof(ILogger)))
            {
                Assert.True(Allowed.Contains(parameter.Name!), $"{method.Name}({parameter.Name})");
            }
        }
    }

    [Fact]
    public void LogMessages_EventIds_InTheLocalBlock()
    {
        int[] ids = [.. typeof(Log).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => a.EventId)];

        Assert.All(ids, id => Assert.InRange(id, 5000, 5999));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
