/// The integrals' helpers in MATLAB (and Octave): complex numbers built in, no fma, so x² = s + ε
/// by Veltkamp's splitting; see `CodeLanguage+Integrals.swift`. MATLAB's `sinc` is normalised.
extension CodeLanguage {
  static let matlabIntegrals: [String: String] = [
    "reciprocal": "",
    "erfi": """

    function v = jac_erfi(x)
      y = abs(x);
      if isnan(x)
        v = x;
        return;
      end
      if y <= 6.5
        z = y*y; p = y; s = y;
        for k = 1:999
          p = p*(z/k);
          t = p/(2*k + 1);
          s = s + t;
          if t <= s*1e-17
            break;
          end
        end
        v = 2/1.7724538509055160273*s;
      else
        q = y*y;
        u = 134217729*y; hi = u - (u - y); lo = y - hi;
        e = ((hi*hi - q) + 2*hi*lo) + lo*lo;
        inverse = 1/(2*q); t = 1; s = 1;
        for k = 1:199
          nxt = t*(2*k - 1)*inverse;
          if nxt >= t || nxt <= s*1e-17
            break;
          end
          t = nxt;
          s = s + t;
        end
        v = exp(q - log(y*1.7724538509055160273))*(1 + e)*s;
      end
      if x < 0
        v = -v;
      end
    end

    """,
    "e1": """

    function v = jac_e1(y)
      if y <= 1
        p = 1; s = 0;
        for k = 1:99
          p = p*(-y/k);
          t = p/k;
          s = s + t;
          if abs(t) <= 1e-17
            break;
          end
        end
        v = -0.57721566490153286061 - log(y) - s;
        return;
      end
      b = y + 1; c = 1e300; d = 1/b; h = d;
      for i = 1:9999
        a = -i*i;
        b = b + 2;
        d = 1/(a*d + b);
        c = b + a/c;
        delta = c*d;
        h = h*delta;
        if abs(delta - 1) <= 1e-16
          break;
        end
      end
      v = h*exp(-y);
    end

    """,
    "Ei": """

    function v = jac_Ei(x)
      if isnan(x)
        v = x;
      elseif x == 0
        v = -Inf;
      elseif x < 0
        v = -jac_e1(-x);
      elseif x <= 40
        p = 1; s = 0;
        for k = 1:999
          p = p*(x/k);
          t = p/k;
          s = s + t;
          if t <= s*1e-17
            break;
          end
        end
        v = 0.57721566490153286061 + log(x) + s;
      else
        t = 1; s = 1;
        for k = 1:199
          nxt = t*k/x;
          if nxt >= t || nxt <= s*1e-17
            break;
          end
          t = nxt;
          s = s + t;
        end
        v = exp(x - log(x))*s;
      end
    end

    """,
    "sici": """

    function [s, c] = jac_sici(x)
      % Si(x), Ci(x): the series to 2, then E1(it) = -Ci t + i(Si t - pi/2) by its continued fraction.
      t = abs(x);
      if isnan(x)
        s = x; c = x;
        return;
      end
      if t == 0
        s = 0; c = -Inf;
        return;
      end
      if t <= 2
        p = t; odd = t; even = 0;
        for n = 2:199
          if mod(n, 2) == 0
            p = p*(-1*t/n);
          else
            p = p*(t/n);
          end
          term = p/n;
          if mod(n, 2) == 0
            even = even + term;
          else
            odd = odd + term;
          end
          if abs(term) <= 1e-17*abs(odd)
            break;
          end
        end
        s = odd;
        c = 0.57721566490153286061 + log(t) + even;
      elseif isinf(t)
        s = 1.5707963267948966; c = 0;
      else
        b = complex(1, t); cc = complex(1e300, 0); d = 1/b; h = d;
        for i = 2:99999
          a = -(i - 1)*(i - 1);
          b = b + 2;
          d = 1/(d*a + b);
          cc = b + a/cc;
          delta = cc*d;
          h = h*delta;
          if abs(real(delta) - 1) + abs(imag(delta)) <= 1e-16
            break;
          end
        end
        h = h*complex(cos(t), -sin(t));
        s = 1.5707963267948966 + imag(h);
        c = -real(h);
      end
      if x < 0
        s = -s; c = NaN;
      end
    end

    """,
    "Si": "\nfunction y = jac_Si(x)\n  [y, c] = jac_sici(x);\nend\n",
    "Ci": "\nfunction y = jac_Ci(x)\n  [s, y] = jac_sici(x);\nend\n",
    "shichi": """

    function [s, c] = jac_shichi(x)
      % Shi(x), Chi(x): the series to 2, then (Ei(t) + E1(t))/2 and (Ei(t) - E1(t))/2.
      t = abs(x);
      if isnan(x)
        s = x; c = x;
        return;
      end
      if t == 0
        s = 0; c = -Inf;
        return;
      end
      if t <= 2
        p = t; odd = t; even = 0;
        for n = 2:199
          p = p*(t/n);
          term = p/n;
          if mod(n, 2) == 0
            even = even + term;
          else
            odd = odd + term;
          end
          if abs(term) <= 1e-17*abs(odd)
            break;
          end
        end
        s = odd;
        c = 0.57721566490153286061 + log(t) + even;
      else
        a = jac_Ei(t); b = jac_e1(t);
        s = (a + b)/2; c = (a - b)/2;
      end
      if x < 0
        s = -s; c = NaN;
      end
    end

    """,
    "Shi": "\nfunction y = jac_Shi(x)\n  [y, c] = jac_shichi(x);\nend\n",
    "Chi": "\nfunction y = jac_Chi(x)\n  [s, y] = jac_shichi(x);\nend\n",
    "li": """

    function v = jac_li(x)
      if isnan(x) || x < 0
        v = NaN;
      elseif x == 0
        v = 0;
      else
        v = jac_Ei(log(x));
      end
    end

    """,
    "fresnel": """

    function [s, c] = jac_fresnel(x)
      % S(x), C(x): the series below 1.5, then the continued fraction of erfc((1 - i) sqrt(pi) t/2).
      t = abs(x);
      if isnan(x)
        s = x; c = x;
        return;
      end
      if t < 1.5
        a = 1.5707963267948966*t*t; m = -a*a;
        pc = 1; ps = 1; sc = 1; ss = 1/3;
        for k = 1:199
          pc = pc*(m/((2*k - 1)*(2*k)));
          ps = ps*(m/((2*k)*(2*k + 1)));
          tc = pc/(4*k + 1); ts = ps/(4*k + 3);
          sc = sc + tc; ss = ss + ts;
          if abs(tc) <= 1e-17 && abs(ts) <= 1e-17
            break;
          end
        end
        s = t*a*ss; c = t*sc;
      elseif isinf(t)
        s = 0.5; c = 0.5;
      else
        b = complex(1, -(3.141592653589793*t*t)); cc = complex(1e300, 0); d = 1/b; h = d; n = -1;
        for k = 2:99999
          n = n + 2;
          a = -n*(n + 1);
          b = b + 4;
          d = 1/(d*a + b);
          cc = b + a/cc;
          delta = cc*d;
          h = h*delta;
          if abs(real(delta) - 1) + abs(imag(delta)) <= 1e-16
            break;
          end
        end
        h = h*complex(t, -t);
        square = t*t;
        u = 134217729*t; hi = u - (u - t); lo = t - hi;
        err = ((hi*hi - square) + 2*hi*lo) + lo*lo;
        phase = 1.5707963267948966*(rem(square, 4) + err);
        cs = complex(0.5, 0.5)*(1 - complex(cos(phase), sin(phase))*h);
        s = imag(cs); c = real(cs);
      end
      if x < 0
        s = -s; c = -c;
      end
    end

    """,
    "fresnels": "\nfunction y = jac_fresnels(x)\n  [y, c] = jac_fresnel(x);\nend\n",
    "fresnelc": "\nfunction y = jac_fresnelc(x)\n  [s, y] = jac_fresnel(x);\nend\n",
  ]
}
