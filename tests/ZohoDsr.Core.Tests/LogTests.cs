using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ZohoDsr.Core.Tests;

public sealed class LogTests
{
    private static readonly string[] Allowed = ["requestId", "orgId", "instanceId", "module", "count", "zohoCode", "status", "elapsed"];

    [Fact]
    public void Log_EveryMessage_UsesOnlyAllowedParameterNames()
    {
        Type log = typeof(DsrCoreServiceCollectionExtensions).Assembly.GetType("ZohoDsr.Core.Log", throwOnError: true)!;
        MethodInfo[] methods = log.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<LoggerMessageAttribute>() is not null)
            .ToArray();

        Assert.NotEmpty(methods);
        foreach (MethodInfo method in methods)
        {
            foreach (ParameterInfo parameter in method.GetParameters().Where(p => p.ParameterType != typeof(ILogger) && p.ParameterType != typeof(Exception)))
            {
                Assert.True(Allowed.Contains(parameter.Name), $"{method.Name} logs '{parameter.Name}', which is not on the allow-list.");
            }
        }

        Assert.Equal(methods.Length, methods.Select(m => m.GetCustomAttribute<LoggerMessageAttribute>()!.EventId).Distinct().Count());
    }
}
