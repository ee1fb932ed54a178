using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Functions.Tests;

/// <summary>The repository's local.settings.sample.json: every key names a real setting, and the whole passes start-up validation.</summary>
public sealed class LocalSettingsSampleTests
{
    private static readonly Dictionary<string, string?> Values = ReadSample();

    [Fact]
    public void Sample_Values_HaveTheRuntimeAndStorageSettings()
    {
        Assert.Equal("dotnet-isolated", Values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", Values["AzureWebJobsStorage"]);
        Assert.True(Values.ContainsKey("ZohoDsr__TaskHub"));
    }

    [Fact]
    public void Sample_EveryProductKey_NamesAnOptionsProperty()
    {
        foreach (string key in Values.Keys.Where(k => k.StartsWith("ZohoDsr__", StringComparison.Ordinal) || k.StartsWith("Zoho__", StringComparison.Ordinal)))
        {
            string[] path = key.Split("__");
            Type type = path[0] == "ZohoDsr" ? typeof(DsrOptions) : typeof(ZohoCrmClientOptions);
            for (int i = 1; i < path.Length; i++)
            {
                PropertyInfo? property = type.GetProperty(path[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                Assert.True(property is not null, $"{key}: {type.Name} has no {path[i]}");
                type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                {
                    type = type.GetGenericArguments()[1];
                    i++; // the dictionary key (an org id)
                }
            }
        }
    }

    [Fact]
    public void Sample_AsConfiguration_PassesStartupValidation()
    {
        ServiceCollection services = new();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(Values.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value))
            .Build());
        services.AddLogging();
        services.AddZohoDsrFunctions();
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("ZohoDsrLocal", provider.GetRequiredService<IOptions<DsrOptions>>().Value.TaskHub);
    }

    private static Dictionary<string, string?> ReadSample()
    {
        // The repository root's sample, copied beside the tests by the project file.
        using JsonDocument sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => (string?)p.Value.GetString());
    }
}
