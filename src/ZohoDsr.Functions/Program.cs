using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ZohoDsr.Functions;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddZohoDsrFunctions();
builder.Services.AddApplicationInsightsTelemetryWorkerService();
builder.Services.ConfigureFunctionsApplicationInsights();
builder.Build().Run();
