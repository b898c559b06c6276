using IctPlanAssistant.Cli;

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await IctPlanCommand.Create().Parse(args).InvokeAsync();
