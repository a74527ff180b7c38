package io.paycron.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's login and logout; both are audited, failed logins too. */
@Controller
class ConsoleLoginController {

  private final Operators operators;
  private final ConsoleLoginThrottle throttle;
  private final AuditLog audit;

  ConsoleLoginController(Operators operators, ConsoleLoginThrottle throttle, AuditLog audit) {
    this.operators = operators;
    this.throttle = throttle;
    this.audit = audit;
  }

  @GetMapping("/console/login")
  String form(HttpServletRequest request) {
    return ConsoleSession.operator(request) != null ? "redirect:/console" : "console/login";
  }

  @PostMapping("/console/login")
  String login(
      @RequestParam(name = "username", required = false) String username,
      @RequestParam(name = "password", required = false) String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String address = request.getRemoteAddr();
    String name = username == null ? "" : username.trim();
    if (!throttle.tryAcquire(name, address)) {
      response.setStatus(429);
      model.addAttribute("error", "Too many failed logins: wait 15 minutes and try again.");
      return "console/login";
    }
    Optional<String> operator = operators.authenticate(name, password);
    if (operator.isEmpty()) {
      audit.record(operators.recordableName(name), "login_failed", null, null, address);
      response.setStatus(401);
      model.addAttribute("error", "Wrong name or password.");
      model.addAttribute("username", name);
      return "console/login";
    }
    throttle.succeeded(name, address);
    ConsoleSession.logIn(request, operator.get());
    audit.record(operator.get(), "login", null, null, address);
    return "redirect:/console";
  }

  @PostMapping("/console/logout")
  String logout(HttpServletRequest request) {
    String operator = ConsoleSession.operator(request);
    if (operator != null) {
      audit.record(operator, "logout", null, null, request.getRemoteAddr());
    }
    ConsoleSession.logOut(request);
    return "redirect:/console/login";
  }
}
