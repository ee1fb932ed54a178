using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Apis;
using ZohoDsr.Local.Hosting;
using ZohoDsr.TestSupport;

namespace ZohoDsr.EndToEnd.Tests;

/// <summary>The local host serves exactly the HTTP functions of the Functions app: same methods, same paths, same handlers.</summary>
public sealed class HttpContractTests
{
    private const string HttpTriggerAttributeName = "Microsoft.Azure.Functions.Worker.HttpTriggerAttribute";
    private const string FunctionAttributeName = "Microsoft.Azure.Functions.Worker.FunctionAttribute";

    [Fact]
    public async Task Routes_FunctionsHttpTriggers_EqualLocalEndpoints()
    {
        IReadOnlyList<Route> functions = FunctionsRoutes();
        Assert.NotEmpty(functions);

        await using LocalHost host = await LocalHost.StartAsync(
            new LocalHostOptions
            {
                Urls = "http://127.0.0.1:0",
                UseAmbientConfiguration = false,
                MinimumLogLevel = LogLevel.Warning,
                DemoSeed = new() { Contacts = 5, Leads = 5, Cases = 5 },
                StatePath = Path.Combine(Path.GetTempPath(), "zohodsr-contract-" + Guid.NewGuid().ToString("N")),
                TaskHub = TestTaskHub.NewName(),
                DeleteTaskHubOnStop = true,
            },
            CancellationToken.None);
        IReadOnlyList<(Route Route, MethodInfo Handler)> local = LocalRoutes(host);

        Assert.Equal(
            functions.OrderBy(r => r.ToString(), StringComparer.Ordinal),
            local.Select(l => l.Route).OrderBy(r => r.ToString(), StringComparer.Ordinal));

        // Both hosts answer from the same contract: routes are DsrRoutes' constants, handlers call DsrHttpApi.
        string[] contractRoutes = [.. typeof(DsrRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Header", StringComparison.Ordinal))
            .Select(f => $"{DsrApi.RoutePrefix}/{f.GetRawConstantValue()}")];
        Assert.All(functions, r => Assert.Contains(r.Path, contractRoutes));
        Assert.All(local.Where(l => l.Route.Name != OpenApiRouteName), l => Assert.Contains(l.Handler.GetParameters(), p => p.ParameterType == typeof(DsrHttpApi)));

        // The OpenAPI document lists exactly these routes: the same methods on the same paths.
        Assert.Equal(
            functions.Select(r => $"{r.Method} /{r.Path}").Order(StringComparer.Ordinal),
            OpenApiRoutes().Order(StringComparer.Ordinal));
        Assert.Equal(
            functions.Select(r => $"{r.Name}").Order(StringComparer.Ordinal),
            OpenApiOperationIds().Order(StringComparer.Ordinal));
        Assert.All(FunctionsHttpTypes(), t => Assert.Contains(
            t.GetConstructors().SelectMany(c => c.GetParameters()),
            p => p.ParameterType.Name.StartsWith(nameof(DsrHttpApi), StringComparison.Ordinal)));
    }

    private const string OpenApiRouteName = "GetOpenApiDocument";

    private static IEnumerable<string> OpenApiRoutes()
        => DsrOpenApi.Document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"));

    private static IEnumerable<string> OpenApiOperationIds()
        => DsrOpenApi.Document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => method.Value.GetProperty("operationId").GetString()!));

    private static IReadOnlyList<Route> FunctionsRoutes()
    {
        var routes = new List<Route>();
        foreach (MethodInfo method in typeof(ZohoDsr.Functions.Http.DsrHttpFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods()))
        {
            CustomAttributeData? function = method.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == FunctionAttributeName);
            foreach (ParameterInfo parameter in method.GetParameters())
            {
                CustomAttributeData? trigger = parameter.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == HttpTriggerAttributeName);
                if (trigger is null)
                {
                    continue;
                }

                string route = (string?)trigger.NamedArguments.SingleOrDefault(a => a.MemberName == "Route").TypedValue.Value ?? method.Name;
                IEnumerable<string> methods = trigger.ConstructorArguments
                    .Where(a => a.ArgumentType == typeof(string[]))
                    .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.Value!)
                    .Select(a => ((string)a.Value!).ToUpperInvariant());
                foreach (string httpMethod in methods)
                {
                    routes.Add(new Route(httpMethod, $"{DsrApi.RoutePrefix}/{route.Trim('/')}", (string?)function?.ConstructorArguments[0].Value ?? method.Name));
                }
            }
        }

        return routes;
    }

    private static IEnumerable<Type> FunctionsHttpTypes()
        => typeof(ZohoDsr.Functions.Http.DsrHttpFunctions).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetParameters().Any(p => p.GetCustomAttributesData().Any(a => a.AttributeType.FullName == HttpTriggerAttributeName))));

    private static IReadOnlyList<(Route, MethodInfo)> LocalRoutes(LocalHost host)
    {
        var routes = new List<(Route, MethodInfo)>();
        foreach (RouteEndpoint endpoint in host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            string path = endpoint.RoutePattern.RawText!.Trim('/');
            if (!path.StartsWith(DsrApi.RoutePrefix + "/", StringComparison.Ordinal))
            {
                continue;
            }

            MethodInfo handler = endpoint.Metadata.OfType<MethodInfo>().Single();
            string name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? handler.Name;
            foreach (string method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                routes.Add((new Route(method, path, name), handler));
            }
        }

        return routes;
    }

    private sealed record Route(string Method, string Path, string Name)
    {
        public override string ToString() => $"{Method} {Path} ({Name})";
    }
}
