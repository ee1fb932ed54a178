using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ZohoDsr.Functions;
using ZohoDsr.Functions.Telemetry;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddZohoDsrFunctions();
builder.Services.AddZohoDsrTelemetry(builder.Configuration);
builder.Build().Run();
